package io.shotscope.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.shotscope.testsupport.SharedClips;
import io.shotscope.testsupport.SyntheticPlates;
import io.shotscope.testsupport.SyntheticPlates.ImageFormat;
import io.shotscope.testsupport.SyntheticPlates.MovieFormat;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The analysis time limit and the frame-size budget: a plate over the time limit fails with a clear
 * reason while the next job completes; a frame larger than the pixel budget is refused at intake.
 */
@SpringBootTest(classes = ShotscopeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class AnalysisLimitsIT {

    /** Full HD fits; anything larger than 2.1 million pixels is refused. */
    static final long MAX_PIXELS = 2_100_000;

    @TempDir
    static Path root;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.fastAnalysis(registry, root);
        registry.add("shotscope.analysis.max-frames", () -> 0);
        // the full shared clip (377 frames, 768x432) takes seconds on one thread; the small plate milliseconds
        registry.add("shotscope.analysis.timeout", () -> "250ms");
        registry.add("shotscope.analysis.threads", () -> 1);
        registry.add("shotscope.analysis.max-pixels", () -> MAX_PIXELS);
        registry.add("shotscope.dashboard.enabled", () -> false);
    }

    @Test
    void aPlateOverTheTimeLimitFailsAndTheNextJobStillCompletes() {
        ApiClient api = new ApiClient(port);
        ApiClient.Response slow = api.upload(SharedClips.clip("car-detection.mp4"), "car-detection.mp4");
        assertEquals(202, slow.status(), slow.text());
        Path small = SyntheticPlates.movie(root.resolve("small.mp4"), MovieFormat.MP4_MPEG4, 96, 64, 6, 24, Map.of());
        ApiClient.Response quick = api.upload(small, "small.mp4");
        assertEquals(202, quick.status(), quick.text());

        JsonNode failed = api.awaitFinished(slow.shotId());
        assertEquals("FAILED", failed.path("status").asText(), failed.toString());
        assertTrue(failed.path("error").asText().startsWith("analysis exceeded the time limit of 0.25s after "),
                failed.path("error").asText());
        assertEquals("DONE", api.awaitFinished(quick.shotId()).path("status").asText());
        assertEquals(200, api.get("/health").status());
    }

    @Test
    void aFrameOverThePixelBudgetIsRefusedAtIntake() {
        ApiClient api = new ApiClient(port);
        Path big = SyntheticPlates.image(root.resolve("big.png"), ImageFormat.PNG_8, 1500, 1500, 0);
        ApiClient.Response response = api.upload(big, "big.png");
        assertEquals(422, response.status(), response.text());
        assertTrue(response.json().path("detail").asText()
                .endsWith("frame size 1500x1500 (2250000 pixels) exceeds the limit of 2100000 pixels"), response.text());
    }
}
