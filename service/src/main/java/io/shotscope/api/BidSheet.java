package io.shotscope.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.shotscope.analysis.ReportJson;
import io.shotscope.metrics.MetricRegistry;
import io.shotscope.ml.Manifest;
import io.shotscope.store.ShotRecord;
import io.shotscope.store.ShotStatus;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Shots as a CSV bid sheet a production tracker imports (Kitsu-style columns: Sequence, Shot, Frame In,
 * Frame Out, Frames, FPS, then the rating, the estimated artist-days when the model learned them, the
 * metric scores, Top Factors, Description). RFC 4180: comma
 * separated, CRLF line ends, fields with commas, quotes or line breaks quoted with doubled quotes; text
 * starting with = + - @ is prefixed with ' so spreadsheets do not run it as a formula.
 */
final class BidSheet {

    static final List<String> FIXED_COLUMNS =
            List.of("Sequence", "Shot", "Frame In", "Frame Out", "Frames", "FPS", "Class", "Confidence", "Days");
    private static final int FPS_DECIMALS = 3;
    static final String FACTORS_COLUMN = "Top Factors";
    static final String DESCRIPTION_COLUMN = "Description";
    private static final String CRLF = "\r\n";

    private final Writer out;
    private final List<String> metricKeys = MetricRegistry.keys();

    BidSheet(Writer out) {
        this.out = out;
    }

    static List<String> header() {
        List<String> columns = new ArrayList<>(FIXED_COLUMNS);
        columns.addAll(MetricRegistry.keys());
        columns.add(FACTORS_COLUMN);
        columns.add(DESCRIPTION_COLUMN);
        return columns;
    }

    void writeHeader() throws IOException {
        line(header());
    }

    void write(ShotRecord shot) throws IOException {
        JsonNode report = report(shot);
        ShotCodes.SequenceShot code = ShotCodes.parse(shot.shotCode());
        List<String> cells = new ArrayList<>();
        cells.add(text(code.sequence()));
        cells.add(text(code.shot()));
        cells.add(number(report, "first_frame"));
        cells.add(number(report, "last_frame"));
        cells.add(number(report, "frames"));
        cells.add(fps(report));
        cells.add(text(shot.difficulty()));
        cells.add(shot.confidence() == null ? "" : plain(shot.confidence()));
        cells.add(number(report.path("prediction"), "days"));
        for (String key : metricKeys) {
            cells.add(number(report.path("complexity_scores"), key));
        }
        cells.add(text(factors(report)));
        cells.add(text(description(shot, report)));
        line(cells);
    }

    private void line(List<String> cells) throws IOException {
        List<String> quoted = new ArrayList<>(cells.size());
        for (String cell : cells) {
            quoted.add(quote(cell));
        }
        out.write(String.join(",", quoted));
        out.write(CRLF);
    }

    static String quote(String cell) {
        return Manifest.quote(cell);
    }

    /** Text as a spreadsheet shows it, never as a formula. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' ? "'" + value : value;
    }

    private static String number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? plain(value.asDouble()) : "";
    }

    /** Frame rates as trackers write them: 24, 23.976, 29.97 (at most three decimals). */
    private static String fps(JsonNode report) {
        JsonNode value = report.path("fps");
        return value.isNumber() ? plain(BigDecimal.valueOf(value.asDouble())
                .setScale(FPS_DECIMALS, java.math.RoundingMode.HALF_UP).doubleValue()) : "";
    }

    /** 24, 23.976, 0.4521: no exponent, no trailing zeros. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String factors(JsonNode report) {
        List<String> parts = new ArrayList<>();
        for (JsonNode factor : report.path("explanation")) {
            String name = withLevel(factor, factor.path("metric").asText());
            parts.add(factor.hasNonNull("days") ? name + " " + signedDays(factor.path("days").asDouble())
                    : name + " " + plain(factor.path("weight").asDouble()));
        }
        return String.join(", ", parts);
    }

    /** "+1.23 days", "-0.4 days": what a factor adds to the estimated artist-days. */
    private static String signedDays(double days) {
        return (days >= 0 ? "+" : "") + plain(days) + " days";
    }

    /** "high motion": the factor's level before its name; reports from before levels give the name alone. */
    private static String withLevel(JsonNode factor, String name) {
        String level = factor.path("level").asText("");
        return level.isEmpty() ? name : level + " " + name;
    }

    private static String description(ShotRecord shot, JsonNode report) {
        if (shot.status() == ShotStatus.FAILED) {
            return "failed: " + (shot.error() == null ? "unknown reason" : shot.error());
        }
        if (shot.status() != ShotStatus.DONE) {
            return shot.status().name().toLowerCase(Locale.ROOT);
        }
        List<String> drivers = new ArrayList<>();
        for (JsonNode factor : report.path("explanation")) {
            drivers.add(withLevel(factor, factor.path("metric").asText().replace('_', ' ')));
        }
        String measured = report.path("frames_analysed").asInt() + " frames measured";
        if (shot.difficulty() == null) {
            return "not rated; " + measured;
        }
        String rating = shot.confidence() == null ? shot.difficulty()
                : shot.difficulty() + " (" + Math.round(100 * shot.confidence()) + "% confident)";
        return drivers.isEmpty() ? rating + "; " + measured
                : rating + ", driven by " + String.join(", ", drivers) + "; " + measured;
    }

    private static JsonNode report(ShotRecord shot) {
        if (shot.reportJson() == null) {
            return ReportJson.mapper().createObjectNode();
        }
        try {
            return ReportJson.mapper().readTree(shot.reportJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("shot " + shot.id() + " has a report that is not JSON", e);
        }
    }
}
