package io.shotscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shotscope.testsupport.ColourClip;
import io.shotscope.testsupport.SharedClips;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed default model on real plates: each ingredient the renderer draws, added to real
 * footage, must raise the artist-days the model estimates by about what the effort rubric charges
 * for it (docs/synth.md), on average over three clips. The model has only learned from synthetic
 * shots; this is what shows that its reading of these ingredients carries over (docs/model.md,
 * "What the default model reads on real plates"; bench/python/real_plate_response.py makes the same
 * variants of all seven clips).
 */
class RealPlateResponseTest {

    private static final List<String> CLIPS = List.of("bottle-detection.mp4", "asl-school.mkv", "asl-thanks.mkv");
    private static final int FRAMES = 48;
    private static final int WIDTH = 448;
    private static final int HEIGHT = 252;
    private static final double PX = WIDTH / 320.0;          // output pixels per reference pixel
    private static final double PAN = 3 / PX;                // reference px a frame: 3 whole output px, no jitter
    private static final double SHAKE = 3;                   // reference px, at SHAKE_HZ
    private static final double SHAKE_HZ = 6;
    private static final double GRAIN = 8;                   // sigma, levels
    private static final double FLICKER = 0.10;              // gain amplitude, at FLICKER_HZ
    private static final double FLICKER_HZ = 4;
    private static final double ZOOM = 0.25;                 // scale change a second
    private static final double ZOOM_BASE = 0.8;             // the zoom's reference: this scale throughout
    /** What the rubric charges for each ingredient at the strengths above (docs/synth.md, EffortRubric). */
    private static final Map<String, Double> POINTS = Map.of("pan", 1.0, "shake", 3 * (0.4 + 0.6 * SHAKE / 4),
            "grain", 0.5 + GRAIN / 8, "flicker", 1 + 5 * FLICKER, "zoom", 1.5);

    @TempDir
    static Path dir;
    /** clip -> variant -> estimated days. */
    private static final Map<String, Map<String, Double>> DAYS = new LinkedHashMap<>();
    /** clip -> variant -> the days each explaining factor adds (metric -> days), strongest first. */
    private static final Map<String, Map<String, Map<String, Double>>> FACTORS = new LinkedHashMap<>();

    @BeforeAll
    static void rateEveryVariantOfEveryClip() throws Exception {
        List<String> movies = new ArrayList<>();
        for (String name : CLIPS) {
            ColourClip clip = ColourClip.middle(SharedClips.clip(name), FRAMES);
            for (Map.Entry<String, ColourClip> variant : variants(clip).entrySet()) {
                movies.add(variant.getValue().writeLossless(dir.resolve(name + "--" + variant.getKey() + ".mkv"))
                        .toString());
            }
        }
        List<String> args = new ArrayList<>(List.of("analyze", "--json"));
        args.addAll(movies);
        AnalyzeCommandTest.Run run = AnalyzeCommandTest.run(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        ObjectMapper json = new ObjectMapper();
        for (String line : run.out().strip().split("\n")) {
            JsonNode report = json.readTree(line);
            String[] stem = report.get("stem").asText().split("--");
            DAYS.computeIfAbsent(stem[0], k -> new LinkedHashMap<>())
                    .put(stem[1], report.get("prediction").get("days").asDouble());
            Map<String, Double> factors = new LinkedHashMap<>();
            for (JsonNode factor : report.get("explanation")) {
                factors.put(factor.get("metric").asText(), factor.path("days").asDouble(Double.NaN));
            }
            FACTORS.computeIfAbsent(stem[0], k -> new LinkedHashMap<>()).put(stem[1], factors);
        }
        System.out.println("estimated days by clip and variant: " + DAYS);
        System.out.println("explaining factors' days by clip and variant: " + FACTORS);
    }

    /** The plate as it is (a fixed crop) and one variant per ingredient, all of the same size. */
    static Map<String, ColourClip> variants(ColourClip clip) {
        int travel = (int) Math.ceil(PAN * PX * (FRAMES - 1));
        int x0 = (clip.width() - WIDTH - travel) / 2;
        int y0 = (clip.height() - HEIGHT) / 2;
        int centreX = x0 + travel / 2;
        Random grain = new Random(1);
        Map<String, ColourClip> out = new LinkedHashMap<>();
        out.put("plate", clip.map(WIDTH, HEIGHT, (t, f) -> clip.window(f, centreX, y0, WIDTH, HEIGHT)));
        out.put("pan", clip.map(WIDTH, HEIGHT, (t, f) -> clip.window(f, x0 + (int) Math.round(PAN * PX * t), y0,
                WIDTH, HEIGHT)));
        out.put("shake", clip.map(WIDTH, HEIGHT, (t, f) -> {
            double hz = 2 * Math.PI * SHAKE_HZ / clip.fps();
            double a = SHAKE * PX;
            double dx = a * (0.65 * Math.sin(hz * t) + 0.35 * Math.sin(1.93 * hz * t + 1));
            double dy = 0.8 * a * (0.65 * Math.sin(1.13 * hz * t + 2) + 0.35 * Math.sin(2.17 * hz * t + 3));
            return clip.window(f, centreX + (int) Math.round(dx), y0 + (int) Math.round(dy), WIDTH, HEIGHT);
        }));
        out.put("grain", clip.map(WIDTH, HEIGHT, (t, f) -> {
            byte[] p = clip.window(f, centreX, y0, WIDTH, HEIGHT);
            for (int i = 0; i < p.length; i++) {
                p[i] = clamp((p[i] & 0xff) + GRAIN * grain.nextGaussian());
            }
            return p;
        }));
        out.put("flicker", clip.map(WIDTH, HEIGHT, (t, f) -> {
            double gain = 1 + FLICKER * Math.sin(2 * Math.PI * FLICKER_HZ * t / clip.fps());
            byte[] p = clip.window(f, centreX, y0, WIDTH, HEIGHT);
            for (int i = 0; i < p.length; i++) {
                p[i] = clamp((p[i] & 0xff) * gain);
            }
            return p;
        }));
        double cx = centreX + WIDTH / 2.0;
        double cy = y0 + HEIGHT / 2.0;
        out.put("zoom-plate", clip.map(WIDTH, HEIGHT, (t, f) -> resampled(clip, f, cx, cy, ZOOM_BASE)));
        out.put("zoom", clip.map(WIDTH, HEIGHT, (t, f) -> resampled(clip, f, cx, cy,
                ZOOM_BASE * Math.exp(-ZOOM * (t - FRAMES / 2.0) / clip.fps()))));
        return out;
    }

    /** The window of {@code scale x} the output size centred on (cx, cy), resampled bilinearly to the output size. */
    private static byte[] resampled(ColourClip clip, byte[] f, double cx, double cy, double scale) {
        int channels = ColourClip.CHANNELS;
        byte[] out = new byte[WIDTH * HEIGHT * channels];
        int w = clip.width();
        for (int y = 0; y < HEIGHT; y++) {
            double sy = cy + (y + 0.5 - HEIGHT / 2.0) * scale - 0.5;
            int y1 = (int) Math.floor(sy);
            double fy = sy - y1;
            for (int x = 0; x < WIDTH; x++) {
                double sx = cx + (x + 0.5 - WIDTH / 2.0) * scale - 0.5;
                int x1 = (int) Math.floor(sx);
                double fx = sx - x1;
                for (int c = 0; c < channels; c++) {
                    int a = (y1 * w + x1) * channels + c;
                    int b = ((y1 + 1) * w + x1) * channels + c;
                    double top = (f[a] & 0xff) * (1 - fx) + (f[a + channels] & 0xff) * fx;
                    double bottom = (f[b] & 0xff) * (1 - fx) + (f[b + channels] & 0xff) * fx;
                    out[(y * WIDTH + x) * channels + c] = clamp(top * (1 - fy) + bottom * fy);
                }
            }
        }
        return out;
    }

    private static byte clamp(double value) {
        return (byte) Math.max(0, Math.min(255, Math.round(value)));
    }

    private static void assertChargedLikeTheRubric(String ingredient) {
        assertCharged(ingredient, 0.5);
    }

    private static void assertCharged(String ingredient, double atLeast) {
        String reference = ingredient.equals("zoom") ? "zoom-plate" : "plate";
        double sum = 0;
        for (Map<String, Double> days : DAYS.values()) {
            sum += days.get(ingredient) - days.get(reference);
        }
        double mean = sum / DAYS.size();
        double points = POINTS.get(ingredient);
        assertTrue(mean >= atLeast * points && mean <= 1.5 * points, ingredient + " adds " + String.format("%.2f", mean)
                + " days on average where the rubric charges " + points + ": " + DAYS);
    }

    /**
     * On these three clips the pan's days come mostly from what it does to other metrics (a shake
     * spike where the still-camera vote flips mid-pan on the bottle plate, a filmed monitor's motion on
     * the signer clips); the network charges a clean pan about half its day (docs/model.md, "The
     * explanation of a days model"). So this holds the response, not its reason.
     */
    @Test
    void aPanAddsAboutWhatTheRubricChargesForIt() {
        assertChargedLikeTheRubric("pan");
    }

    @Test
    void shakeAddsAboutWhatTheRubricChargesForIt() {
        assertChargedLikeTheRubric("shake");
    }

    @Test
    void grainAddsAboutWhatTheRubricChargesForIt() {
        assertChargedLikeTheRubric("grain");
    }

    @Test
    void flickerAddsAboutWhatTheRubricChargesForIt() {
        assertChargedLikeTheRubric("flicker");
    }

    /**
     * A zoom is charged at about two thirds of its points (0.67 here, 0.61 over all seven clips): on
     * the bottle plate the zoom metric does not see it at all (the motion field chooses a still camera
     * on its plain wall; docs/model.md), so only a quarter of the points is asserted, which a model
     * blind to zooms would still fail.
     */
    @Test
    void aZoomAddsDaysThoughLessThanTheRubricChargesForIt() {
        assertCharged("zoom", 0.25);
    }

    /**
     * The explanation of a days model names what adds the most days. Shake (about 1.5 days of the
     * estimate's 2.3 here) and flicker are named first on every clip, including the signer clips,
     * where the roto of the moving hands otherwise leads (docs/model.md). A pan is not: its days
     * reach the network through inputs that leaving `camera_motion` out does not remove.
     */
    @Test
    void shakeIsNamedFirstWhereverItIsAdded() {
        assertNamedFirst("shake", "shake");
    }

    @Test
    void flickerIsNamedFirstWhereverItIsAdded() {
        assertNamedFirst("flicker", "lighting");
    }

    private static void assertNamedFirst(String ingredient, String metric) {
        for (Map.Entry<String, Map<String, Map<String, Double>>> clip : FACTORS.entrySet()) {
            Map<String, Double> factors = clip.getValue().get(ingredient);
            assertEquals(metric, factors.keySet().iterator().next(), clip.getKey() + " with " + ingredient
                    + " is explained by " + factors);
            assertTrue(factors.get(metric) > 0, clip.getKey() + ": " + metric + " adds " + factors.get(metric)
                    + " days");
        }
    }
}
