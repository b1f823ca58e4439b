package io.shotscope.synth;

/**
 * The effort an artist would bid on a shot, in points per department, computed from its latent
 * factors only (never from measured metrics), so the label carries no measurement noise. Every
 * weight is explained in docs/synth.md.
 */
public final class EffortRubric {

    /** Below this many points a shot is Easy. */
    public static final double EASY_BELOW = 4.5;
    /** Below this many points (and not Easy) a shot is Medium; from here on it is Hard. */
    public static final double MEDIUM_BELOW = 7.0;

    private EffortRubric() {
    }

    /** Points per department and their sum. */
    public record Effort(double matchmove, double roto, double paint, double degrain, double lighting,
            double defocus) {

        public double total() {
            return matchmove + roto + paint + degrain + lighting + defocus;
        }

        public ShotLabel label() {
            double t = total();
            return t < EASY_BELOW ? ShotLabel.EASY : t < MEDIUM_BELOW ? ShotLabel.MEDIUM : ShotLabel.HARD;
        }
    }

    public static ShotLabel label(LatentFactors f) {
        return score(f).label();
    }

    public static Effort score(LatentFactors f) {
        return new Effort(matchmove(f), roto(f), paint(f), degrain(f), lighting(f), defocus(f));
    }

    /** Smooth pan 1, zoom 1.5, shake 1.2 to 3 with amplitude (full at 4 px); a hand-held pan pays both. */
    static double matchmove(LatentFactors f) {
        double points = 0;
        if (f.panSpeed() > 0) {
            points += 1.0;
        }
        if (f.zoomRate() != 0) {
            points += 1.5;
        }
        if (f.shakeAmplitude() > 0) {
            points += 3.0 * (0.4 + 0.6 * Math.min(1, f.shakeAmplitude() / 4));
        }
        return points;
    }

    /**
     * Per object 0.5, times (1 + speed / 5 px per frame), times up to 1.5 for motion blur (full at a
     * 4 px smear); plus 2 points for fully dense hair or foliage.
     */
    static double roto(LatentFactors f) {
        double blur = Math.min(1, f.objectSpeed() * f.shutter() / 4);
        double perObject = 0.5 * (1 + f.objectSpeed() / 5) * (1 + 0.5 * blur);
        return f.objectCount() * perObject + 2.0 * f.fineDetail();
    }

    /** An occluder, however brief, needs a clean plate: 1.5, plus up to 1.5 to rebuild fine detail behind it. */
    static double paint(LatentFactors f) {
        return f.occluderFrames() > 0 ? 1.5 + 1.5 * f.fineDetail() : 0;
    }

    /** Visible grain (sigma of 1 level or more): 0.5 plus sigma / 8, so 2 points at 12 levels. */
    static double degrain(LatentFactors f) {
        return f.grainSigma() >= 1 ? 0.5 + f.grainSigma() / 8 : 0;
    }

    /** Flicker: 1 plus 5 x amplitude (2 points at 20 %); a short burst costs as much as steady flicker. */
    static double lighting(LatentFactors f) {
        return f.flickerAmplitude() > 0 ? 1.0 + 5 * f.flickerAmplitude() : 0;
    }

    /** Defocus: 0.5 plus sigma / 4 (soft edges to roto, fewer features to track). */
    static double defocus(LatentFactors f) {
        return f.defocusSigma() > 0 ? 0.5 + f.defocusSigma() / 4 : 0;
    }
}
