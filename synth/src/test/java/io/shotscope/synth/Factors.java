package io.shotscope.synth;

/** Builds latent factors for tests, starting from a still shot. */
final class Factors {
    private Factors() {
    }

    static LatentFactors still() {
        return LatentFactors.still(42);
    }

    static LatentFactors pan(LatentFactors f, double speed) {
        return new LatentFactors(f.detailSeed(), f.background(), f.backgroundSlot(), speed, 0, f.shakeAmplitude(),
                f.shakeFrequency(), f.zoomRate(), f.objectCount(), f.objectSpeed(), f.objectSize(), f.shutter(),
                f.occluderStart(), f.occluderFrames(), f.fineDetail(), f.grainSigma(), f.flickerAmplitude(),
                f.flickerBurst(), f.flickerStart(), f.flickerFrames(), f.defocusSigma());
    }

    static LatentFactors shake(LatentFactors f, double amplitude, double hz) {
        return new LatentFactors(f.detailSeed(), f.background(), f.backgroundSlot(), f.panSpeed(), f.panAngle(),
                amplitude, hz, f.zoomRate(), f.objectCount(), f.objectSpeed(), f.objectSize(), f.shutter(),
                f.occluderStart(), f.occluderFrames(), f.fineDetail(), f.grainSigma(), f.flickerAmplitude(),
                f.flickerBurst(), f.flickerStart(), f.flickerFrames(), f.defocusSigma());
    }

    static LatentFactors objects(LatentFactors f, int count, double speed, double size, double shutter) {
        return new LatentFactors(f.detailSeed(), f.background(), f.backgroundSlot(), f.panSpeed(), f.panAngle(),
                f.shakeAmplitude(), f.shakeFrequency(), f.zoomRate(), count, speed, size, shutter,
                f.occluderStart(), f.occluderFrames(), f.fineDetail(), f.grainSigma(), f.flickerAmplitude(),
                f.flickerBurst(), f.flickerStart(), f.flickerFrames(), f.defocusSigma());
    }

    static LatentFactors occluder(LatentFactors f, int start, int frames) {
        return new LatentFactors(f.detailSeed(), f.background(), f.backgroundSlot(), f.panSpeed(), f.panAngle(),
                f.shakeAmplitude(), f.shakeFrequency(), f.zoomRate(), f.objectCount(), f.objectSpeed(),
                f.objectSize(), f.shutter(), start, frames, f.fineDetail(), f.grainSigma(), f.flickerAmplitude(),
                f.flickerBurst(), f.flickerStart(), f.flickerFrames(), f.defocusSigma());
    }

    static LatentFactors grain(LatentFactors f, double sigma) {
        return new LatentFactors(f.detailSeed(), f.background(), f.backgroundSlot(), f.panSpeed(), f.panAngle(),
                f.shakeAmplitude(), f.shakeFrequency(), f.zoomRate(), f.objectCount(), f.objectSpeed(),
                f.objectSize(), f.shutter(), f.occluderStart(), f.occluderFrames(), f.fineDetail(), sigma,
                f.flickerAmplitude(), f.flickerBurst(), f.flickerStart(), f.flickerFrames(), f.defocusSigma());
    }

    static LatentFactors flicker(LatentFactors f, double amplitude, boolean burst, int start, int frames) {
        return new LatentFactors(f.detailSeed(), f.background(), f.backgroundSlot(), f.panSpeed(), f.panAngle(),
                f.shakeAmplitude(), f.shakeFrequency(), f.zoomRate(), f.objectCount(), f.objectSpeed(),
                f.objectSize(), f.shutter(), f.occluderStart(), f.occluderFrames(), f.fineDetail(), f.grainSigma(),
                amplitude, burst, start, frames, f.defocusSigma());
    }
}
