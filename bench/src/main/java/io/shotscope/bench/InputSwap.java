package io.shotscope.bench;

import io.shotscope.analysis.AnalysisOptions;
import io.shotscope.analysis.ProgressListener;
import io.shotscope.ml.ShotClassifier;
import io.shotscope.ml.ShotFeatureExtractor;
import io.shotscope.ml.ShotFeatures;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Which input makes a model estimate two plates differently (docs/model.md, "What the default model
 * reads on real plates"). Both plates are analysed; then plate A is rated with B's thumbnails, and
 * with each metric's per-frame values taken from B in turn, one at a time. An input whose swap moves
 * A's estimate most towards B's is where the difference lives; the frames where that metric differs
 * by more than {@value #SHOWN_DIFFERENCE} are printed.
 *
 * <p>usage: {@code InputSwap MODEL_DIR PLATE_A PLATE_B}
 */
public final class InputSwap {

    private static final double SHOWN_DIFFERENCE = 0.05;

    private InputSwap() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: InputSwap MODEL_DIR PLATE_A PLATE_B");
            System.exit(2);
        }
        ShotClassifier model = ShotClassifier.load(Path.of(args[0]));
        ShotFeatures a;
        ShotFeatures b;
        try (ShotFeatureExtractor extractor = new ShotFeatureExtractor(AnalysisOptions.defaults())) {
            a = extractor.extract(args[1], ProgressListener.NONE).features().resample(model.metadata().frames());
            b = extractor.extract(args[2], ProgressListener.NONE).features().resample(model.metadata().frames());
        }
        System.out.printf(Locale.ROOT, "A %.2f days, B %.2f days%n", days(model, a), days(model, b));
        System.out.printf(Locale.ROOT, "%-14s %.2f%n", "thumbnails", days(model, new ShotFeatures(a.metrics(), b.frames())));
        for (int m = 0; m < ShotFeatures.METRICS; m++) {
            float[][] mixed = new float[a.length()][];
            StringBuilder differs = new StringBuilder();
            for (int t = 0; t < a.length(); t++) {
                mixed[t] = a.metrics()[t].clone();
                mixed[t][m] = b.metrics()[t][m];
                if (Math.abs(a.metrics()[t][m] - b.metrics()[t][m]) > SHOWN_DIFFERENCE) {
                    differs.append(String.format(Locale.ROOT, " frame %d %.2f/%.2f", t, a.metrics()[t][m],
                            b.metrics()[t][m]));
                }
            }
            System.out.printf(Locale.ROOT, "%-14s %.2f%s%n", model.metadata().metrics().get(m),
                    days(model, new ShotFeatures(mixed, a.frames())), differs);
        }
    }

    private static double days(ShotClassifier model, ShotFeatures shot) {
        Double days = model.predict(shot).days();
        if (days == null) {
            throw new IllegalArgumentException("the model did not learn days: it estimates none");
        }
        return days;
    }
}
