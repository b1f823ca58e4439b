package io.shotscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shotscope.metrics.MetricRegistry;
import io.shotscope.synth.EffortRubric;
import io.shotscope.synth.SynthListener;
import io.shotscope.synth.SynthShot;
import io.shotscope.synth.SyntheticShots;
import io.shotscope.testsupport.SharedClips;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed default model's explanation against what the effort rubric charged: on synthetic
 * shots, whose latent ingredients are known, the factors a report names should include a metric
 * reading the department that costs the shot the most (docs/model.md, "The explanation of a days
 * model"; bench/python/explanation_check.py measures the same on 1000 shots, ingredient by ingredient).
 */
class SyntheticShotExplanationTest {

    private static final int SHOTS = 60;
    /** Not the default model's training seed (1): these shots are new to it, like its test set (seed 2). */
    private static final long SEED = 7;

    /** The metrics that read each department's work. */
    private static final Map<String, Set<String>> READ_BY = Map.of(
            "matchmove", Set.of("camera_motion", "zoom", "shake"),
            "roto", Set.of("objects", "object_count", "motion", "edges", "texture"),
            "paint", Set.of("occlusion"),
            "degrain", Set.of("noise"),
            "lighting", Set.of("lighting"),
            "defocus", Set.of("blur", "edge_width"));

    @TempDir
    static Path dir;
    /** Per shot that costs anything: whether its costliest department is named at all, and first. */
    private static final List<boolean[]> NAMED = new ArrayList<>();
    /** What three of the thirteen metrics drawn at random would score over the same shots: named, first. */
    private static final double[] AT_RANDOM = new double[2];

    @BeforeAll
    static void rateSyntheticShots() throws Exception {
        List<SynthShot> shots = SyntheticShots.render(dir, SHOTS, SEED, SharedClips.dir(), SynthListener.NONE);
        List<String> args = new ArrayList<>(List.of("analyze", "--json"));
        shots.forEach(s -> args.add(s.path().toString()));
        AnalyzeCommandTest.Run run = AnalyzeCommandTest.run(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        Map<String, JsonNode> explanations = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : run.out().strip().split("\n")) {
            JsonNode report = json.readTree(line);
            explanations.put(report.get("stem").asText(), report.get("explanation"));
        }
        for (SynthShot shot : shots) {
            EffortRubric.Effort effort = EffortRubric.score(shot.factors());
            if (effort.total() == 0) {
                continue;  // a clean plate: nothing to name
            }
            Set<String> costliest = READ_BY.get(costliest(effort));
            String stem = shot.path().getFileName().toString().replaceFirst("\\.[^.]+$", "");
            List<String> named = new ArrayList<>();
            explanations.get(stem).forEach(f -> named.add(f.get("metric").asText()));
            NAMED.add(new boolean[] {named.stream().anyMatch(costliest::contains),
                    !named.isEmpty() && costliest.contains(named.get(0))});
            int k = costliest.size();
            int m = MetricRegistry.keys().size();
            AT_RANDOM[0] += 1 - (double) (m - k) * (m - k - 1) * (m - k - 2) / (m * (m - 1) * (m - 2));
            AT_RANDOM[1] += (double) k / m;
        }
        System.out.printf("costliest department named in %d of %d shots (at random %.1f), first in %d (%.1f)%n",
                count(0), NAMED.size(), AT_RANDOM[0], count(1), AT_RANDOM[1]);
    }

    private static String costliest(EffortRubric.Effort e) {
        Map<String, Double> points = Map.of("matchmove", e.matchmove(), "roto", e.roto(), "paint", e.paint(),
                "degrain", e.degrain(), "lighting", e.lighting(), "defocus", e.defocus());
        return points.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static int count(int column) {
        return (int) NAMED.stream().filter(n -> n[column]).count();
    }

    /**
     * 54 of the 60 here; 48 when the explanation named what the class rests on (before 2026-12-01,
     * evening), and 41 on average for three metrics drawn at random (roto, read by five metrics, is
     * most often the costliest department).
     */
    @Test
    void theCostliestDepartmentIsNamedInNearlyEveryShot() {
        assertTrue(count(0) >= 0.85 * NAMED.size(), count(0) + " of " + NAMED.size());
    }

    /** 39 of the 60 here; 28 when the explanation named what the class rests on, 18.5 at random. */
    @Test
    void theCostliestDepartmentIsNamedFirstInMoreThanHalfTheShots() {
        assertTrue(count(1) >= 0.55 * NAMED.size(), count(1) + " of " + NAMED.size());
    }
}
