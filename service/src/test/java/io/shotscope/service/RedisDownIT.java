package io.shotscope.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.shotscope.testsupport.SharedClips;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Redis configured but unreachable (a port nothing listens on): the service keeps working without the
 * cache, answers identical content from the store, and readiness says the cache is degraded.
 */
@SpringBootTest(classes = ShotscopeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@DirtiesContext
class RedisDownIT {

    static final String CLIP = "asl-thanks.mkv";

    @TempDir
    static Path root;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.fastAnalysis(registry, root);
        int deadPort = TestSettings.freePort();
        registry.add("shotscope.redis.url", () -> "redis://127.0.0.1:" + deadPort);
        registry.add("shotscope.dashboard.enabled", () -> false);
    }

    @Test
    void withRedisDownShotsAreStillAnalysedAndIdenticalContentAnsweredFromTheStore() {
        ApiClient api = new ApiClient(port);
        ApiClient.Response submitted = api.upload(SharedClips.clip(CLIP), CLIP);
        assertEquals(202, submitted.status(), submitted.text());

        JsonNode shot = api.awaitFinished(submitted.shotId());
        assertEquals("DONE", shot.path("status").asText(), shot.toString());

        ApiClient.Response again = api.upload(SharedClips.clip(CLIP), "again.mkv");
        assertEquals(201, again.status(), "answered from the store without the cache: " + again.text());
        assertTrue(api.get("/metrics").text().contains("shotscope_cache_requests_total{result=\"hit\"} 0.0"));
    }

    @Test
    void readinessStaysReadyButSaysTheCacheIsDegraded() {
        ApiClient.Response response = new ApiClient(port).get("/ready");

        assertEquals(200, response.status(), "still ready: the service answers without the cache");
        JsonNode ready = response.json();
        assertEquals("DEGRADED", ready.path("status").asText(), ready.toString());
        JsonNode cache = ready.path("components").path("resultCache");
        assertEquals("DEGRADED", cache.path("status").asText());
        assertEquals("redis", cache.path("details").path("kind").asText());
        assertTrue(cache.path("details").path("error").asText().contains("cannot be reached"), cache.toString());
        assertEquals("UP", ready.path("components").path("db").path("status").asText());
    }
}
