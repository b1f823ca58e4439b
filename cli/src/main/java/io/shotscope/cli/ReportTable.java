package io.shotscope.cli;

import io.shotscope.analysis.Factor;
import io.shotscope.analysis.MetricSummary;
import io.shotscope.analysis.ShotReport;
import io.shotscope.video.ImageSequence;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The human-readable form of a report: a header line and one row per metric. */
final class ReportTable {
    private ReportTable() {
    }

    static void print(ShotReport r, PrintWriter out) {
        out.printf("%s%n", r.input());
        out.printf("  %d frames (%d analysed) from %d, %dx%d, %.3f fps, %.2f s, %s, sha256 %s%n",
                r.frames(), r.framesAnalysed(), r.firstFrame(), r.width(), r.height(), r.fps(), r.durationS(),
                r.codec(), r.sha256().substring(0, 12));
        if (!r.missingFrames().isEmpty()) {
            out.printf("  missing frames: %s%n", ImageSequence.describeFrames(r.missingFrames()));
        }
        out.printf("  %-14s %6s %6s %6s %6s  %s%n", "factor", "mean", "std", "p95", "max", "");
        for (Map.Entry<String, MetricSummary> e : r.metrics().entrySet()) {
            MetricSummary s = e.getValue();
            out.printf("  %-14s %6.3f %6.3f %6.3f %6.3f  %s%n", e.getKey(), s.mean(), s.std(), s.p95(), s.max(),
                    bar(s.mean()));
        }
        if (r.prediction() != null) {
            String probabilities = r.prediction().probabilities().entrySet().stream()
                    .map(e -> e.getKey() + String.format(Locale.ROOT, " %.4f", e.getValue()))
                    .collect(Collectors.joining(", "));
            out.printf("  prediction: %s (confidence %.2f; %s) by %s %s%n", r.prediction().label(),
                    r.prediction().confidence(), probabilities, r.prediction().model().get("name"),
                    r.prediction().model().get("version"));
            if (r.prediction().days() != null) {
                out.printf("  estimated effort: %.1f artist-days%n", r.prediction().days());
            }
            String factors = r.explanation().stream()
                    .map(ReportTable::factor)
                    .collect(Collectors.joining(", "));
            out.printf("  driven by: %s%n", factors);
        }
        out.printf("  analyser %s, %s ms%n", r.analyzerVersion(), r.timingsMs().get("total"));
    }

    /** "high shake +1.27 days" from a model that estimates days, else "high shake 0.42" (its weight). */
    private static String factor(Factor f) {
        String name = (f.level() == null ? "" : f.level() + " ") + f.metric();
        return f.days() == null ? name + String.format(Locale.ROOT, " %.2f", f.weight())
                : name + String.format(Locale.ROOT, " %+.2f days", f.days());
    }

    private static String bar(double value) {
        return "#".repeat((int) Math.round(value * 20));
    }
}
