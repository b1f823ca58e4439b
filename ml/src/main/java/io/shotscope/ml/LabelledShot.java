package io.shotscope.ml;

/**
 * A shot with the difficulty an artist gave it and, when the manifest has them, the artist-days it
 * took or was bid ({@code NaN} when unknown).
 */
public record LabelledShot(String id, ShotFeatures features, Difficulty label, double days) {

    public LabelledShot(String id, ShotFeatures features, Difficulty label) {
        this(id, features, label, Double.NaN);
    }

    public boolean hasDays() {
        return !Double.isNaN(days);
    }
}
