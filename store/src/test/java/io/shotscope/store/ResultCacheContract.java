package io.shotscope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.store.ResultCache.CacheKey;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link ResultCache} must do with its backend up, run by one subclass per implementation. */
abstract class ResultCacheContract {

    private static final CacheKey KEY = new CacheKey("9f2c" + "0".repeat(60), "0.4.0", "difficulty-2025-03");
    private static final String REPORT = "{\"difficulty\":\"Hard\",\"note\":\"plaque brûlée ✓\"}";
    private static final Duration LONG_TTL = Duration.ofMinutes(5);
    private static final Duration SHORT_TTL = Duration.ofMillis(300);
    private static final Duration EXPIRY_PATIENCE = Duration.ofSeconds(5);

    /** A cache whose entries live this long. */
    protected abstract ResultCache newCache(Duration ttl);

    protected abstract String expectedKind();

    @Test
    void aPutReportIsAnsweredWhole() {
        ResultCache cache = newCache(LONG_TTL);
        cache.put(KEY, REPORT);
        assertEquals(Optional.of(REPORT), cache.get(KEY));
    }

    @Test
    void anUnknownKeyIsAMiss() {
        assertTrue(newCache(LONG_TTL).get(KEY).isEmpty());
    }

    @Test
    void keysDifferingInHashOrEitherVersionAreDistinct() {
        ResultCache cache = newCache(LONG_TTL);
        cache.put(KEY, REPORT);
        assertTrue(cache.get(new CacheKey("other", KEY.analyzerVersion(), KEY.modelVersion())).isEmpty());
        assertTrue(cache.get(new CacheKey(KEY.contentHash(), "0.3.9", KEY.modelVersion())).isEmpty());
        assertTrue(cache.get(new CacheKey(KEY.contentHash(), KEY.analyzerVersion(), "none")).isEmpty());
    }

    @Test
    void aLaterPutReplacesTheReport() {
        ResultCache cache = newCache(LONG_TTL);
        cache.put(KEY, REPORT);
        cache.put(KEY, "{}");
        assertEquals(Optional.of("{}"), cache.get(KEY));
    }

    @Test
    void evictForgetsTheReport() {
        ResultCache cache = newCache(LONG_TTL);
        cache.put(KEY, REPORT);
        cache.evict(KEY);
        assertTrue(cache.get(KEY).isEmpty());
    }

    @Test
    void aReportIsForgottenAfterTheTtl() throws InterruptedException {
        ResultCache cache = newCache(SHORT_TTL);
        cache.put(KEY, REPORT);
        assertTrue(cache.get(KEY).isPresent());
        long deadline = System.nanoTime() + EXPIRY_PATIENCE.toNanos();
        while (cache.get(KEY).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(cache.get(KEY).isEmpty(), "still cached " + EXPIRY_PATIENCE + " after a ttl of " + SHORT_TTL);
    }

    @Test
    void aLargeReportIsAnsweredWhole() {
        String large = "{\"frames\":\"" + "é✓x".repeat(300_000) + "\"}";
        ResultCache cache = newCache(LONG_TTL);
        cache.put(KEY, large);
        assertEquals(Optional.of(large), cache.get(KEY));
    }

    @Test
    void itIsAvailableAndSaysWhatItIs() {
        ResultCache cache = newCache(LONG_TTL);
        assertTrue(cache.available());
        assertEquals(expectedKind(), cache.kind());
    }
}
