package io.shotscope.jobs;

import io.shotscope.analysis.ShotReport;
import io.shotscope.ml.ModelMetadata;
import io.shotscope.ml.ReportPredictions;
import io.shotscope.ml.ShotClassifier;
import io.shotscope.ml.ShotFeatures;
import io.shotscope.service.ShotscopeProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The model that rates shots. Its version (name, version and a digest of the weights and
 * {@code model.json}, so a retrained or recalibrated model never answers from a stale cache) is
 * known at start-up; the weights load on first use, once.
 */
@Component
public class ShotModel implements AutoCloseable {

    /** The model version of shots measured without a model. */
    public static final String NO_MODEL = "none";
    private static final Logger LOG = LoggerFactory.getLogger(ShotModel.class);

    private final Path dir;
    private final String version;
    private ShotClassifier classifier;
    private String loadFailure;

    public ShotModel(ShotscopeProperties properties) {
        this.dir = ModelDirectory.find(properties);
        this.version = dir == null ? NO_MODEL : versionOf(dir);
        if (dir == null) {
            LOG.warn("no model found (shotscope.model.dir, SHOTSCOPE_HOME/models/default): shots are measured, not rated");
        } else {
            LOG.info("model {} in {}", version, dir);
        }
    }

    /** The model version results carry, or {@value #NO_MODEL}. */
    public String version() {
        return version;
    }

    public Optional<Path> dir() {
        return Optional.ofNullable(dir);
    }

    /** The report rated and explained by the model (unchanged without a model); loads the weights on first use. */
    public synchronized ShotReport rate(ShotReport report, ShotFeatures features) {
        if (dir == null) {
            return report;
        }
        ShotClassifier model = loaded();
        return ReportPredictions.attach(report, model.predict(features), model.metadata().modelName(), model.version());
    }

    /** What readiness reports: loaded, not loaded yet, or why loading failed. */
    public synchronized State state() {
        if (dir == null) {
            return new State(false, null);
        }
        return new State(classifier != null, loadFailure);
    }

    /** @param failure why the last load failed, or null */
    public record State(boolean loaded, String failure) {
    }

    private ShotClassifier loaded() {
        if (classifier == null) {
            try {
                classifier = ShotClassifier.load(dir);
                loadFailure = null;
                LOG.info("model {} loaded", version);
            } catch (IOException | RuntimeException e) {
                loadFailure = e.getMessage();
                throw new UncheckedIOException("cannot load the model in " + dir + ": " + e.getMessage(),
                        e instanceof IOException io ? io : new IOException(e));
            }
        }
        return classifier;
    }

    /** The model's name and {@link ShotClassifier#versionOf its version}, the digest of its files included. */
    static String versionOf(Path dir) {
        try {
            return ModelMetadata.MODEL_NAME + "-" + ShotClassifier.versionOf(dir);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("model " + dir + ": cannot read " + ShotClassifier.METADATA_FILE + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (classifier != null) {
            classifier.close();
            classifier = null;
        }
    }
}
