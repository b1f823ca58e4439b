package io.shotscope.ml;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Writes an {@link EvaluationResult} as JSON and two PNG charts (Java2D, works headless). */
public final class EvaluationReport {

    public static final String JSON_FILE = "evaluation.json";
    public static final String CONFUSION_FILE = "confusion-matrix.png";
    public static final String RELIABILITY_FILE = "reliability-diagram.png";
    public static final String PREDICTIONS_FILE = "predictions.csv";
    private static final int SIZE = 480;
    private static final int MARGIN = 80;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EvaluationReport() {
    }

    public static void write(EvaluationResult result, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        JSON.writeValue(dir.resolve(JSON_FILE).toFile(), result);
        ImageIO.write(confusionMatrix(result), "png", dir.resolve(CONFUSION_FILE).toFile());
        ImageIO.write(reliabilityDiagram(result), "png", dir.resolve(RELIABILITY_FILE).toFile());
    }

    /**
     * One row per shot, in the order given: its path, true class, predicted class, confidence and
     * the three class probabilities, so a studio can see which shots a model misrated and how surely;
     * then the shot's artist-days and the model's estimate of them (each blank when unknown). A shot
     * inside {@code manifestDir} is named relative to it, as a manifest names it, so the file reads
     * the same on every machine; any other keeps its path.
     */
    public static void writePredictions(List<LabelledShot> shots, List<Rating> ratings, Path dir, Path manifestDir)
            throws IOException {
        if (shots.size() != ratings.size()) {
            throw new IllegalArgumentException(
                    "need one rating per shot, got " + shots.size() + " shots and " + ratings.size() + " ratings");
        }
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder("path,label,predicted,confidence");
        for (Difficulty d : Difficulty.values()) {
            csv.append(',').append(d.name());
        }
        csv.append(",days,estimated_days\n");
        for (int i = 0; i < shots.size(); i++) {
            LabelledShot shot = shots.get(i);
            double[] p = ratings.get(i).probabilities();
            int predicted = Evaluator.argmax(p);
            csv.append(Manifest.quote(named(shot.id(), manifestDir))).append(',').append(shot.label().name()).append(',')
                    .append(Difficulty.ofIndex(predicted).name()).append(',').append(fixed(p[predicted]));
            for (double v : p) {
                csv.append(',').append(fixed(v));
            }
            csv.append(',').append(shot.hasDays() ? fixed(shot.days()) : "");
            Double estimate = ratings.get(i).days();
            csv.append(',').append(estimate == null ? "" : fixed(estimate));
            csv.append('\n');
        }
        Files.writeString(dir.resolve(PREDICTIONS_FILE), csv);
    }

    private static String named(String id, Path manifestDir) {
        Path path = Path.of(id).toAbsolutePath().normalize();
        Path base = manifestDir.toAbsolutePath().normalize();
        if (!path.startsWith(base) || path.equals(base)) {
            return id;
        }
        return base.relativize(path).toString().replace(File.separatorChar, '/');
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** Heatmap of the confusion matrix with the count in each cell; rows = true class. */
    static BufferedImage confusionMatrix(EvaluationResult result) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image);
        int[][] m = result.confusion();
        int classes = m.length;
        int max = 1;
        for (int[] row : m) {
            for (int v : row) {
                max = Math.max(max, v);
            }
        }
        int cell = (SIZE - 2 * MARGIN) / classes;
        title(g, String.format("Confusion matrix (accuracy %.2f, macro-F1 %.2f)", result.accuracy(), result.macroF1()));
        for (int r = 0; r < classes; r++) {
            for (int c = 0; c < classes; c++) {
                float shade = m[r][c] / (float) max;
                g.setColor(new Color(1 - 0.8f * shade, 1 - 0.5f * shade, 1f));
                g.fillRect(MARGIN + c * cell, MARGIN + r * cell, cell, cell);
                g.setColor(Color.GRAY);
                g.drawRect(MARGIN + c * cell, MARGIN + r * cell, cell, cell);
                g.setColor(shade > 0.6f ? Color.WHITE : Color.BLACK);
                centred(g, Integer.toString(m[r][c]), MARGIN + c * cell + cell / 2, MARGIN + r * cell + cell / 2);
            }
            g.setColor(Color.BLACK);
            String name = Difficulty.ofIndex(r).name();
            centred(g, name, MARGIN / 2, MARGIN + r * cell + cell / 2);
            centred(g, name, MARGIN + r * cell + cell / 2, MARGIN + classes * cell + 15);
        }
        centred(g, "predicted", SIZE / 2, SIZE - MARGIN / 3);
        g.drawString("true", 8, MARGIN - 10);
        g.dispose();
        return image;
    }

    /** Accuracy against mean confidence per confidence bin, with the diagonal and the ECE in the title. */
    static BufferedImage reliabilityDiagram(EvaluationResult result) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image);
        int plot = SIZE - 2 * MARGIN;
        title(g, String.format("Reliability diagram (ECE %.3f)", result.expectedCalibrationError()));
        int barWidth = plot / result.bins().size();
        for (int i = 0; i < result.bins().size(); i++) {
            EvaluationResult.Bin bin = result.bins().get(i);
            if (bin.count() == 0) {
                continue;
            }
            int height = (int) Math.round(bin.accuracy() * plot);
            g.setColor(new Color(70, 110, 200));
            g.fillRect(MARGIN + i * barWidth, MARGIN + plot - height, barWidth - 2, height);
            g.setColor(Color.BLACK);
            centred(g, Integer.toString(bin.count()), MARGIN + i * barWidth + barWidth / 2, MARGIN + plot - height - 8);
        }
        g.setColor(Color.RED);
        g.setStroke(new BasicStroke(2f));
        g.drawLine(MARGIN, MARGIN + plot, MARGIN + plot, MARGIN);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(MARGIN, MARGIN, plot, plot);
        centred(g, "confidence", SIZE / 2, SIZE - MARGIN / 3);
        centred(g, "0", MARGIN, MARGIN + plot + 15);
        centred(g, "1", MARGIN + plot, MARGIN + plot + 15);
        g.drawString("accuracy", 8, MARGIN - 10);
        g.dispose();
        return image;
    }

    private static Graphics2D canvas(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        return g;
    }

    private static void title(Graphics2D g, String text) {
        g.setColor(Color.BLACK);
        Font font = g.getFont();
        g.setFont(font.deriveFont(Font.BOLD, 15f));
        centred(g, text, SIZE / 2, MARGIN / 3);
        g.setFont(font);
    }

    private static void centred(Graphics2D g, String text, int x, int y) {
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(text, x - metrics.stringWidth(text) / 2, y + metrics.getAscent() / 2 - 2);
    }
}
