package io.shotscope.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.cors.CorsConfiguration;

class CorsTest {

    @Test
    void noOriginIsAllowedUnlessConfigured() {
        assertNull(SecurityConfiguration.corsSource(List.of()).getCorsConfiguration(new MockHttpServletRequest()));
    }

    @Test
    void configuredOriginsAreAllowedAndNoOthers() {
        CorsConfiguration cors = SecurityConfiguration.corsSource(List.of("https://studio.example"))
                .getCorsConfiguration(new MockHttpServletRequest());
        assertEquals("https://studio.example", cors.checkOrigin("https://studio.example"));
        assertNull(cors.checkOrigin("https://evil.example"));
        assertEquals(List.of("Authorization", "Content-Type", "X-API-Key"), cors.getAllowedHeaders());
    }
}
