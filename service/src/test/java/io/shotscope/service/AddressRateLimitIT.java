package io.shotscope.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The per-address limit: requests from one client address are counted together whoever signs them,
 * so several principals (or none) behind one address cannot multiply their allowance.
 */
@SpringBootTest(classes = ShotscopeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class AddressRateLimitIT {

    static final int PER_ADDRESS = 8;

    @TempDir
    static Path root;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.fastAnalysis(registry, root);
        registry.add("shotscope.dashboard.enabled", () -> false);
        registry.add("shotscope.watch.enabled", () -> false);
        registry.add("shotscope.security.rate-limit.per-principal", () -> 1000);
        registry.add("shotscope.security.rate-limit.per-address", () -> PER_ADDRESS);
        registry.add("shotscope.security.rate-limit.period", () -> "1h");
    }

    @Test
    void requestsFromOneAddressAreLimitedTogetherWhoeverSendsThem() {
        ApiClient viewer = ApiClient.as(port, TestSettings.VIEWER);
        ApiClient submitter = ApiClient.as(port, TestSettings.SUBMITTER);
        ApiClient anonymous = ApiClient.anonymous(port);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < PER_ADDRESS + 4; i++) {
            ApiClient client = switch (i % 3) {
                case 0 -> viewer;
                case 1 -> submitter;
                default -> anonymous;
            };
            statuses.add(client.get("/api/v1/shots").status());
        }
        assertTrue(statuses.subList(0, 4).stream().noneMatch(s -> s == 429), statuses.toString());
        assertEquals(429, statuses.get(statuses.size() - 1), statuses.toString());
        ApiClient.Response limited = viewer.get("/api/v1/shots");
        assertEquals(429, limited.status(), limited.text());
        assertTrue(limited.headers().firstValue("Retry-After").isPresent(), limited.headers().map().toString());
        assertTrue(limited.json().path("detail").asText().contains("requests per address"), limited.text());
        assertEquals(200, anonymous.get("/health").status(), "health is never limited");
    }
}
