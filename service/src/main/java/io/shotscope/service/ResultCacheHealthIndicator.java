package io.shotscope.service;

import io.shotscope.store.ResultCache;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The result cache in /ready ({@code resultCache}). A cache that cannot be reached is DEGRADED, not
 * DOWN: the service keeps answering, only without the cache (every submission is analysed or answered
 * from the store), so the process stays ready (HTTP 200) and says why.
 */
@Component
public class ResultCacheHealthIndicator implements HealthIndicator {

    /** Working, but without something it normally has. */
    public static final Status DEGRADED = new Status("DEGRADED", "running without the result cache");

    private final ResultCache cache;

    public ResultCacheHealthIndicator(ResultCache cache) {
        this.cache = cache;
    }

    @Override
    public Health health() {
        Health.Builder health = cache.available() ? Health.up()
                : Health.status(DEGRADED).withDetail("error", cache.kind() + " cannot be reached; answering without the cache");
        return health.withDetail("kind", cache.kind()).build();
    }
}
