package io.shotscope.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Tiny configured limits: a burst is answered 429 with Retry-After, sign-in attempts sooner than the rest. */
@SpringBootTest(classes = ShotscopeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitIT {

    static final int PER_PRINCIPAL = 5;
    static final int SIGN_INS = 3;

    @TempDir
    static Path root;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.fastAnalysis(registry, root);
        registry.add("shotscope.dashboard.enabled", () -> false);
        registry.add("shotscope.watch.enabled", () -> false);
        registry.add("shotscope.security.rate-limit.per-principal", () -> PER_PRINCIPAL);
        registry.add("shotscope.security.rate-limit.per-address", () -> 1000);
        registry.add("shotscope.security.rate-limit.token-per-address", () -> SIGN_INS);
        registry.add("shotscope.security.rate-limit.period", () -> "1h");
        registry.add("shotscope.security.rate-limit.token-period", () -> "1h");
    }

    @Test
    @Order(2)
    void aBurstOfSignInsIsAnswered429WithRetryAfter() {
        ApiClient anonymous = ApiClient.anonymous(port);
        List<Integer> statuses = new ArrayList<>();
        ApiClient.Response last = null;
        for (int i = 0; i < SIGN_INS + 2; i++) {
            last = anonymous.postJson("/api/v1/auth/token", "{\"user\": \"nobody\", \"password\": \"guess-" + i + "\"}");
            statuses.add(last.status());
        }
        assertEquals(429, last.status(), statuses.toString());
        assertNotEquals(429, statuses.get(0), statuses.toString());
        assertEquals("application/problem+json", last.contentType().orElse(""));
        long retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retryAfter > 0 && retryAfter <= 3600, "Retry-After in seconds within the period: " + retryAfter);
        assertEquals(200, anonymous.get("/health").status(), "health is never limited");
    }

    /** First: it signs in once, which the sign-in burst would no longer allow. */
    @Test
    @Order(1)
    void aBurstFromOnePrincipalIsAnswered429WithRetryAfter() {
        ApiClient viewer = ApiClient.as(port, TestSettings.VIEWER);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < PER_PRINCIPAL + 3; i++) {
            statuses.add(viewer.get("/api/v1/shots").status());
        }
        assertEquals(List.of(200, 200, 200, 200, 200, 429, 429, 429), statuses);
        ApiClient.Response limited = viewer.get("/api/v1/shots");
        assertTrue(limited.headers().firstValue("Retry-After").isPresent(), limited.headers().map().toString());
        assertTrue(limited.json().path("detail").asText().contains("principal"), limited.text());
    }
}
