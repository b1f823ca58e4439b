package io.shotscope.ml;

/** A shot with the difficulty an artist gave it. */
public record LabelledShot(String id, ShotFeatures features, Difficulty label) {
}
