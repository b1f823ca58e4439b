package io.shotscope.cli;

import io.shotscope.analysis.AnalysisOptions;
import io.shotscope.ml.FeatureCache;
import io.shotscope.ml.LabelledShot;
import io.shotscope.ml.Manifest;
import io.shotscope.ml.ShotDataset;
import io.shotscope.ml.UnreadableShotsException;
import io.shotscope.video.PlateException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;

/** Loads a manifest's shots with a progress bar and a summary of what came from the cache. */
final class DatasetLoading {
    private DatasetLoading() {
    }

    /** The manifest's rows, read and checked but not analysed. */
    static List<Manifest.Entry> entries(DatasetOptions options) throws IOException {
        if (!Files.isRegularFile(options.manifest)) {
            throw new IllegalArgumentException(options.manifest + ": no such manifest");
        }
        return Manifest.read(options.manifest, options.daysThresholds);
    }

    static List<LabelledShot> load(List<Manifest.Entry> entries, FeatureCache cache, boolean show, PrintWriter err)
            throws PlateException {
        ProgressBar bar = show ? new ProgressBar(err, "features", "shots/s") : null;
        ProgressLines lines = show ? null : ProgressLines.forTotal(entries.size(), err, "features", "shots");
        int[] cached = {0};
        List<LabelledShot> shots;
        UnreadableShotsException unreadable = null;
        try {
            shots = ShotDataset.load(entries, AnalysisOptions.defaults(), cache, new ShotDataset.Listener() {
                @Override
                public void shotLoaded(int done, int total, boolean hit) {
                    cached[0] += hit ? 1 : 0;
                    if (bar != null) {
                        bar.framesRead(done, total);
                    } else if (lines != null) {
                        lines.framesRead(done, total);
                    }
                }

                @Override
                public void sameFootage(Manifest.Entry entry, Manifest.Entry first) {
                    if (bar != null) {
                        bar.clear();
                    }
                    err.printf("warning: manifest line %d (%s) is the same footage as line %d (%s): both are kept%n",
                            entry.line(), entry.path(), first.line(), first.path());
                    err.flush();
                }
            });
        } catch (UnreadableShotsException e) {
            shots = null;
            unreadable = e;
        } finally {
            if (bar != null) {
                bar.finish();
            }
        }
        if (unreadable != null) {
            throw listed(unreadable, err);
        }
        err.printf("%d shots: %d from the feature cache, %d analysed%n", shots.size(), cached[0], shots.size() - cached[0]);
        err.flush();
        return shots;
    }

    /** Every bad plate on its own line, then the count: one run lists all there is to fix. */
    private static PlateException listed(UnreadableShotsException e, PrintWriter err) {
        if (e.failures().size() == 1) {
            return e;
        }
        e.failures().forEach(failure -> err.println("error: " + failure));
        return new PlateException(e.headline());
    }
}
