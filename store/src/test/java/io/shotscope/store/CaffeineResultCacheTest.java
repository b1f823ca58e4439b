package io.shotscope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.store.ResultCache.CacheKey;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CaffeineResultCacheTest extends ResultCacheContract {

    private static final long MAXIMUM_SIZE = 100;

    @Override
    protected ResultCache newCache(Duration ttl) {
        return new CaffeineResultCache(MAXIMUM_SIZE, ttl);
    }

    @Override
    protected String expectedKind() {
        return "caffeine";
    }

    @Test
    void itHoldsNoMoreThanItsMaximumSize() {
        ResultCache cache = newCache(Duration.ofMinutes(5));
        int puts = 1_000;
        for (int i = 0; i < puts; i++) {
            cache.put(key(i), "{\"n\":" + i + "}");
        }
        long held = 0;
        for (int i = 0; i < puts; i++) {
            held += cache.get(key(i)).isPresent() ? 1 : 0;
        }
        assertTrue(held <= MAXIMUM_SIZE, held + " reports held");
        assertTrue(held > 0, "the cache kept nothing");
    }

    @Test
    void aSizeOrTtlThatCannotWorkIsRefused() {
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> new CaffeineResultCache(0, Duration.ofMinutes(1)));
        assertEquals("cache size must be 1 or more, got 0", size.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CaffeineResultCache(10, Duration.ZERO));
    }

    private static CacheKey key(int n) {
        return new CacheKey(Integer.toHexString(n), "0.4.0", "none");
    }
}
