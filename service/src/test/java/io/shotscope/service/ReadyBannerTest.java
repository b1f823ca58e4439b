package io.shotscope.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ReadyBannerTest {

    @Test
    void saysWhereToOpenTheDashboardOnTheDefaults() {
        assertEquals("shotscope ready: open http://127.0.0.1:8000/ (dashboard; API http://127.0.0.1:8000/api/v1,"
                + " docs http://127.0.0.1:8000/docs, jobs http://127.0.0.1:8001/dashboard)",
                banner(Map.of()).message(8000));
    }

    @Test
    void anyInterfaceIsShownAsLocalhostAndTheJobDashboardStaysOnLoopback() {
        assertEquals("shotscope ready: open http://localhost:9000/ (dashboard; API http://localhost:9000/api/v1,"
                + " docs http://localhost:9000/docs, jobs http://127.0.0.1:9001/dashboard)",
                banner(Map.of("shotscope.address", "0.0.0.0", "shotscope.port", "9000")).message(9000));
    }

    @Test
    void aWorkerPointsAtItsHealthOnly() {
        assertEquals("shotscope worker ready: working jobs; health at http://127.0.0.1:8010/health",
                banner(Map.of("shotscope.role", "worker")).message(8010));
    }

    private static ReadyBanner banner(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", new HashMap<>(settings)));
        return new ReadyBanner(ShotscopeEnvironment.bind(environment));
    }
}
