package io.shotscope.synth;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Everything that was decided about one shot before it was rendered. The label is a function of
 * these factors alone ({@link EffortRubric}); the renderer draws the remaining details (shape,
 * colour and position of everything) from {@link #detailSeed}, so one manifest row re-renders its shot.
 *
 * <p>Distances are in reference pixels (see {@link SynthConfig#REFERENCE_WIDTH}), times in frames
 * unless a unit says otherwise. A factor of 0 means "absent".
 *
 * @param detailSeed       seeds the details the label does not depend on
 * @param background       {@code procedural} or the file name of the footage clip the background comes from
 * @param backgroundSlot   which of {@link #BACKGROUND_SLOTS} evenly spaced moments of the clip is used
 * @param panSpeed         smooth camera travel, px per frame
 * @param panAngle         direction of the pan, degrees (0 = to the right, mostly horizontal)
 * @param shakeAmplitude   hand-held shake, peak px
 * @param shakeFrequency   main frequency of the shake, Hz
 * @param zoomRate         zoom or dolly, relative change of scale per second (+ in, - out)
 * @param objectCount      moving objects, 0..4
 * @param objectSpeed      their speed relative to the background, px per frame
 * @param objectSize       their height as a fraction of the frame height
 * @param shutter          fraction of the frame interval the shutter is open; motion blur length is speed x shutter
 * @param occluderStart    first frame a large foreground shape crosses the frame
 * @param occluderFrames   frames it takes to cross (0 = no occluder; a few frames = a brief occlusion)
 * @param fineDetail       density of hair- or foliage-like strands, 0..1
 * @param grainSigma       Gaussian grain, standard deviation in 8-bit levels
 * @param flickerAmplitude brightness modulation, fraction of the level
 * @param flickerBurst     the flicker only lasts {@link #flickerFrames} frames from {@link #flickerStart}
 * @param flickerStart     first frame of a burst
 * @param flickerFrames    length of a burst (0 when steady or absent)
 * @param defocusSigma     Gaussian defocus of the background, px
 */
public record LatentFactors(
        long detailSeed,
        String background,
        int backgroundSlot,
        double panSpeed,
        double panAngle,
        double shakeAmplitude,
        double shakeFrequency,
        double zoomRate,
        int objectCount,
        double objectSpeed,
        double objectSize,
        double shutter,
        int occluderStart,
        int occluderFrames,
        double fineDetail,
        double grainSigma,
        double flickerAmplitude,
        boolean flickerBurst,
        int flickerStart,
        int flickerFrames,
        double defocusSigma) {

    public static final String PROCEDURAL = "procedural";
    public static final int BACKGROUND_SLOTS = 8;

    /** Manifest column names, in record order. */
    public static final List<String> COLUMNS = List.of(
            "detail_seed", "background", "background_slot", "pan_speed", "pan_angle", "shake_amplitude",
            "shake_frequency", "zoom_rate", "object_count", "object_speed", "object_size", "shutter",
            "occluder_start", "occluder_frames", "fine_detail", "grain_sigma", "flicker_amplitude",
            "flicker_burst", "flicker_start", "flicker_frames", "defocus_sigma");

    /** A shot with nothing in it but a procedural background: no camera move, objects, grain or flicker. */
    public static LatentFactors still(long detailSeed) {
        return new LatentFactors(detailSeed, PROCEDURAL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, 0, 0, 0);
    }

    /**
     * Draws the factors of one shot. The distribution (documented in docs/synth.md) is what the
     * label thresholds are balanced over.
     *
     * @param backgrounds footage clip names to choose from; empty for procedural backgrounds
     */
    public static LatentFactors sample(SplittableRandom rng, SynthConfig config, List<String> backgrounds) {
        int frames = config.frames();
        long detailSeed = rng.nextLong();
        int pick = rng.nextInt(1 << 16); // drawn either way, so the other factors do not depend on the backgrounds
        String background = backgrounds.isEmpty() ? PROCEDURAL : backgrounds.get(pick % backgrounds.size());
        int slot = rng.nextInt(BACKGROUND_SLOTS);

        double pan = 0, angle = 0, shake = 0, shakeHz = 0, zoom = 0;
        double camera = rng.nextDouble();
        boolean pans = camera >= 0.30 && camera < 0.55 || camera >= 0.85;
        boolean shakes = camera >= 0.55 && camera < 0.70 || camera >= 0.85;
        if (shakes) {
            shake = round(rng.nextDouble(0.8, camera >= 0.85 ? 4 : 5));
            shakeHz = round(rng.nextDouble(4, 9));
        }
        if (pans) {
            // the whole path has to stay on the background (half a frame of room each side)
            double room = SynthConfig.REFERENCE_WIDTH / 2.0 - shake - 4;
            double maxSpeed = Math.min(camera >= 0.85 ? 4 : 6, 2 * room / (frames - 1));
            pan = round(rng.nextDouble(0.5, maxSpeed));
            angle = round((rng.nextBoolean() ? 0 : 180) + rng.nextDouble(-25, 25));
        }
        if (camera >= 0.70 && camera < 0.85) {
            zoom = round((rng.nextBoolean() ? 1 : -1) * rng.nextDouble(0.1, 0.35));
        }

        int objects = rng.nextDouble() < 0.3 ? 0 : 1 + rng.nextInt(4);
        double speed = objects == 0 ? 0 : round(rng.nextDouble(0.5, 10));
        double size = objects == 0 ? 0 : round(rng.nextDouble(0.1, 0.3));
        double shutter = rng.nextBoolean() ? 0 : round(rng.nextDouble(0.3, 1));

        int occStart = 0, occFrames = 0;
        if (rng.nextDouble() < 0.35) {
            occFrames = rng.nextDouble() < 0.4
                    ? 3 + rng.nextInt(Math.max(1, Math.min(4, frames / 2 - 2)))
                    : (int) Math.round(frames * rng.nextDouble(0.25, 0.6));
            occStart = rng.nextInt(frames - occFrames + 1);
        }

        double fine = rng.nextDouble() < 0.4 ? round(rng.nextDouble(0.2, 1)) : 0;
        double grain = rng.nextBoolean() ? round(rng.nextDouble(2, 12)) : 0;

        double flicker = 0;
        boolean burst = false;
        int burstStart = 0, burstFrames = 0;
        if (rng.nextDouble() < 0.3) {
            flicker = round(rng.nextDouble(0.04, 0.2));
            burst = rng.nextBoolean();
            if (burst) {
                burstFrames = 3 + rng.nextInt(3);
                burstStart = rng.nextInt(frames - burstFrames + 1);
            }
        }
        double defocus = rng.nextDouble() < 0.25 ? round(rng.nextDouble(0.8, 3.5)) : 0;

        return new LatentFactors(detailSeed, background, slot, pan, angle, shake, shakeHz, zoom,
                objects, speed, size, shutter, occStart, occFrames, fine, grain, flicker, burst,
                burstStart, burstFrames, defocus);
    }

    /** The factors as manifest cells, in {@link #COLUMNS} order; numbers in a locale-free format. */
    public List<String> csvValues() {
        return List.of(Long.toString(detailSeed), csvText(background), Integer.toString(backgroundSlot),
                num(panSpeed), num(panAngle), num(shakeAmplitude), num(shakeFrequency), num(zoomRate),
                Integer.toString(objectCount), num(objectSpeed), num(objectSize), num(shutter),
                Integer.toString(occluderStart), Integer.toString(occluderFrames), num(fineDetail),
                num(grainSigma), num(flickerAmplitude), Boolean.toString(flickerBurst),
                Integer.toString(flickerStart), Integer.toString(flickerFrames), num(defocusSigma));
    }

    /** A clip name as one CSV cell: quoted (quotes doubled) when it holds a comma, quote or line break. */
    static String csvText(String text) {
        return text.matches("[^,\"\r\n]*") ? text : '"' + text.replace("\"", "\"\"") + '"';
    }

    /** Three decimals, so the manifest holds the factors exactly as they were rendered and labelled. */
    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
