package io.shotscope.ml;

import static io.shotscope.ml.Difficulty.Easy;
import static io.shotscope.ml.Difficulty.Hard;
import static io.shotscope.ml.Difficulty.Medium;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluatorTest {

    /**
     * Five predictions: Easy right at 0.9, Easy wrong (said Medium) at 0.6, Medium right at 0.7,
     * Hard right at 0.8, Hard wrong (said Medium) at 0.5.
     */
    private static final List<Difficulty> TRUTH = List.of(Easy, Easy, Medium, Hard, Hard);
    private static final List<double[]> PROBABILITIES = List.of(
            new double[] {0.9, 0.05, 0.05},
            new double[] {0.3, 0.6, 0.1},
            new double[] {0.2, 0.7, 0.1},
            new double[] {0.1, 0.1, 0.8},
            new double[] {0.2, 0.5, 0.3});

    @Test
    void figuresMatchHandComputedValues() {
        EvaluationResult result = Evaluator.evaluate(TRUTH, PROBABILITIES);
        assertEquals(0.6, result.accuracy(), 1e-12);
        assertArrayEquals(new int[][] {{1, 1, 0}, {0, 1, 0}, {0, 1, 1}}, result.confusion());
        // Easy: P 1/1, R 1/2; Medium: P 1/3, R 1/1; Hard: P 1/1, R 1/2.
        assertArrayEquals(new double[] {1, 1 / 3.0, 1}, result.precision(), 1e-12);
        assertArrayEquals(new double[] {0.5, 1, 0.5}, result.recall(), 1e-12);
        double f1 = (2 / 3.0 + 0.5 + 2 / 3.0) / 3; // Easy 2/3, Medium 2*(1/3)/(4/3) = 1/2, Hard 2/3
        assertEquals(f1, result.macroF1(), 1e-12);
        // Bins: 0.5 -> [0.5,0.6) wrong; 0.6 -> [0.6,0.7) wrong; 0.7, 0.8, 0.9 each right in their own bin.
        double ece = (0.5 + 0.6 + 0.3 + 0.2 + 0.1) / 5;
        assertEquals(ece, result.expectedCalibrationError(), 1e-9);
        assertEquals(10, result.bins().size());
        assertEquals(1, result.bins().get(9).count());
    }

    @Test
    void macroF1LeavesOutAClassNoShotHasAndNoPredictionNames() {
        List<double[]> easy = List.of(new double[] {0.9, 0.1, 0}, new double[] {0.8, 0.2, 0});
        List<double[]> medium = List.of(new double[] {0.1, 0.9, 0});
        List<double[]> all = List.of(easy.get(0), easy.get(1), medium.get(0));

        assertEquals(1.0, Evaluator.evaluate(List.of(Easy, Easy, Medium), all).macroF1(), 1e-12);
        // a Hard shot rated Medium brings Hard back in, with F1 0: Easy 1, Medium 2/3, Hard 0
        List<double[]> withHard = List.of(easy.get(0), easy.get(1), medium.get(0), medium.get(0));
        assertEquals((1 + 2 / 3.0) / 3, Evaluator.evaluate(List.of(Easy, Easy, Medium, Hard), withHard).macroF1(), 1e-12);
    }

    @Test
    void reportWritesJsonAndReadableCharts(@TempDir Path dir) throws IOException {
        EvaluationReport.write(Evaluator.evaluate(TRUTH, PROBABILITIES), dir);
        assertTrue(Files.readString(dir.resolve(EvaluationReport.JSON_FILE)).contains("\"macroF1\""));
        for (String file : List.of(EvaluationReport.CONFUSION_FILE, EvaluationReport.RELIABILITY_FILE)) {
            BufferedImage image = ImageIO.read(dir.resolve(file).toFile());
            assertTrue(image.getWidth() > 100 && image.getHeight() > 100, file);
        }
    }

    @Test
    void predictionsListEveryShotWithItsClassAndProbabilities(@TempDir Path dir) throws IOException {
        List<LabelledShot> shots = new java.util.ArrayList<>();
        for (int i = 0; i < TRUTH.size(); i++) {
            shots.add(new LabelledShot(i == 1 ? "plates/a,b.mov" : "shot" + i + ".mov", null, TRUTH.get(i)));
        }
        EvaluationReport.writePredictions(shots, ratings(null), dir, dir);
        List<String> lines = Files.readAllLines(dir.resolve(EvaluationReport.PREDICTIONS_FILE));
        assertEquals("path,label,predicted,confidence,Easy,Medium,Hard,days,estimated_days", lines.get(0));
        assertEquals(6, lines.size());
        assertEquals("\"plates/a,b.mov\",Easy,Medium,0.6000,0.3000,0.6000,0.1000,,", lines.get(2));
        assertEquals("shot4.mov,Hard,Medium,0.5000,0.2000,0.5000,0.3000,,", lines.get(5));
    }

    @Test
    void predictionsNameTheShotsInsideTheManifestsFolderAsAManifestDoes(@TempDir Path dir) throws IOException {
        Path plates = dir.resolve("plates");
        String elsewhere = dir.resolve("elsewhere/shot0.mov").toString();
        List<LabelledShot> shots = new java.util.ArrayList<>();
        for (int i = 0; i < TRUTH.size(); i++) {
            String path = i == 0 ? elsewhere : plates.resolve("seq" + i + "/shot" + i + ".mov").toString();
            shots.add(new LabelledShot(path, null, TRUTH.get(i)));
        }
        EvaluationReport.writePredictions(shots, ratings(null), dir, plates);
        List<String> lines = Files.readAllLines(dir.resolve(EvaluationReport.PREDICTIONS_FILE));
        assertTrue(lines.get(1).startsWith(elsewhere + ",Easy,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("seq1/shot1.mov,Easy,"), lines.get(2));
        assertTrue(lines.get(5).startsWith("seq4/shot4.mov,Hard,"), lines.get(5));
    }

    @Test
    void daysErrorComparesTheEstimatesWithTheShotsThatHaveDays(@TempDir Path dir) throws IOException {
        // days 1, 2, 5, 8, unknown; estimates 2, 2, 4, 11, 6: errors +1, 0, -1, +3 (the fifth has no days)
        double[] days = {1, 2, 5, 8, Double.NaN};
        List<LabelledShot> shots = new java.util.ArrayList<>();
        for (int i = 0; i < TRUTH.size(); i++) {
            shots.add(new LabelledShot("shot" + i + ".mov", null, TRUTH.get(i), days[i]));
        }
        List<Rating> ratings = ratings(new Double[] {2.0, 2.0, 4.0, 11.0, 6.0});
        EvaluationResult.DaysError error = Evaluator.daysError(shots, ratings);
        assertEquals(4, error.count());
        assertEquals(Math.sqrt((1 + 0 + 1 + 9) / 4.0), error.rmse(), 1e-12);
        assertEquals(5 / 4.0, error.meanAbsolute(), 1e-12);
        assertNull(Evaluator.daysError(shots, ratings(null)), "a model without days has no days error");

        EvaluationReport.writePredictions(shots, ratings, dir, dir);
        List<String> lines = Files.readAllLines(dir.resolve(EvaluationReport.PREDICTIONS_FILE));
        assertEquals("shot3.mov,Hard,Hard,0.8000,0.1000,0.1000,0.8000,8.0000,11.0000", lines.get(4));
        assertEquals("shot4.mov,Hard,Medium,0.5000,0.2000,0.5000,0.3000,,6.0000", lines.get(5));
    }

    private static List<Rating> ratings(Double[] days) {
        List<Rating> out = new java.util.ArrayList<>();
        for (int i = 0; i < PROBABILITIES.size(); i++) {
            out.add(new Rating(PROBABILITIES.get(i), days == null ? null : days[i]));
        }
        return out;
    }
}
