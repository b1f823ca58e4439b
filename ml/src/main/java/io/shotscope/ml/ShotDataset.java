package io.shotscope.ml;

import io.shotscope.analysis.AnalysisOptions;
import io.shotscope.analysis.ProgressListener;
import io.shotscope.video.PlateException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Labelled shots ready for training or evaluation: each manifest entry analysed once (or read from
 * the feature cache) and turned into model input. A plate that cannot be analysed is an error
 * naming it, so no shot is silently dropped from a data set; every shot is still tried first, so
 * one run names every bad plate ({@link UnreadableShotsException}).
 */
public final class ShotDataset {

    /** Told after each shot: how many are done, and whether that one came from the cache. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (done, total, cached) -> { };

        void shotLoaded(int done, int total, boolean cached);

        /**
         * {@code entry} holds the same footage as the earlier {@code first} (same content hash). Both
         * are kept, but the shot then weighs double, and may sit on both sides of a split.
         */
        default void sameFootage(Manifest.Entry entry, Manifest.Entry first) {
        }
    }

    private ShotDataset() {
    }

    public static List<LabelledShot> load(List<Manifest.Entry> entries, AnalysisOptions options, FeatureCache cache,
                                          Listener listener) throws PlateException {
        List<LabelledShot> shots = new ArrayList<>(entries.size());
        List<String> failures = new ArrayList<>();
        Map<String, Manifest.Entry> byContent = new HashMap<>();
        try (ShotFeatureExtractor extractor = new ShotFeatureExtractor(options)) {
            for (Manifest.Entry entry : entries) {
                ShotFeatures features;
                boolean cached;
                try {
                    String key = FeatureCache.key(entry.path(), options.decode());
                    Manifest.Entry first = byContent.putIfAbsent(key, entry);
                    if (first != null) {
                        listener.sameFootage(entry, first);
                    }
                    var hit = cache.get(key);
                    cached = hit.isPresent();
                    if (cached) {
                        features = hit.get();
                    } else {
                        features = extractor.extract(entry.path(), ProgressListener.NONE).features();
                        cache.put(key, features);
                    }
                } catch (PlateException e) {
                    failures.add(entry.path() + " (manifest line " + entry.line() + "): " + e.getMessage());
                    continue;
                }
                shots.add(new LabelledShot(entry.path(), features, entry.label(), entry.days()));
                listener.shotLoaded(shots.size() + failures.size(), entries.size(), cached);
            }
        }
        if (!failures.isEmpty()) {
            throw new UnreadableShotsException(failures, entries.size());
        }
        return shots;
    }

    /** A deterministic split: shuffled with the seed, {@code fraction} of each class to the second list. */
    public static List<List<LabelledShot>> split(List<LabelledShot> shots, double fraction, long seed) {
        List<LabelledShot> first = new ArrayList<>();
        List<LabelledShot> second = new ArrayList<>();
        for (Difficulty d : Difficulty.values()) {
            List<LabelledShot> ofClass = new ArrayList<>(shots.stream().filter(s -> s.label() == d).toList());
            java.util.Collections.shuffle(ofClass, new Random(seed + d.ordinal()));
            int held = ofClass.isEmpty() ? 0 : Math.max(1, (int) Math.round(fraction * ofClass.size()));
            second.addAll(ofClass.subList(0, Math.min(held, ofClass.size())));
            first.addAll(ofClass.subList(Math.min(held, ofClass.size()), ofClass.size()));
        }
        return List.of(first, second);
    }
}
