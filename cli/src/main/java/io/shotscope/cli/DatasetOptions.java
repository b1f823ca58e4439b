package io.shotscope.cli;

import io.shotscope.ml.FeatureCache;
import io.shotscope.ml.Manifest;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How labelled shots are listed and cached; shared by train and evaluate. */
final class DatasetOptions {

    @Option(names = "--manifest", required = true, paramLabel = "CSV",
            description = "CSV with a header: path,label (Easy/Medium/Hard) and/or path,days (artist-days; with both, "
                    + "the label gives the class). Relative paths are relative to the CSV.")
    Path manifest;

    @Option(names = "--days-thresholds", paramLabel = "A,B", split = ",", defaultValue = "2,6",
            description = "With a days column: fewer than A days is Easy, fewer than B Medium, else Hard (default: ${DEFAULT-VALUE}).")
    double[] daysThresholds = Manifest.DEFAULT_DAYS_THRESHOLDS;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Feature cache, so shots already analysed are not decoded again (default: ~/.cache/shotscope/features).")
    Path cache;

    FeatureCache featureCache() {
        return new FeatureCache(cache != null ? cache : FeatureCache.defaultDir());
    }
}
