package io.shotscope.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;

/**
 * Reports in this process's memory: at most {@code maximumSize} of them (the least used go first), each
 * forgotten {@code ttl} after it was put.
 */
public final class CaffeineResultCache implements ResultCache {

    private final Cache<CacheKey, String> reports;

    public CaffeineResultCache(long maximumSize, Duration ttl) {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("cache size must be 1 or more, got " + maximumSize);
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("cache ttl must be positive, got " + ttl);
        }
        // evictions run on the calling thread: the cache is small and its size stays exact
        this.reports = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterWrite(ttl)
                .executor(Runnable::run)
                .build();
    }

    @Override
    public Optional<String> get(CacheKey key) {
        return Optional.ofNullable(reports.getIfPresent(key));
    }

    @Override
    public void put(CacheKey key, String reportJson) {
        reports.put(key, reportJson);
    }

    @Override
    public void evict(CacheKey key) {
        reports.invalidate(key);
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public String kind() {
        return "caffeine";
    }
}
