package io.shotscope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.store.ResultCache.CacheKey;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A Redis cache with no Redis behind it: misses, quickly, and never an exception. */
class RedisResultCacheUnavailableTest {

    private static final CacheKey KEY = new CacheKey("ab12", "0.4.0", "none");
    private static final long CALL_LIMIT_MILLIS = 2_000;

    @BeforeAll
    static void loadLettuceOnce() throws Exception {
        // the first connection in a JVM loads Lettuce and Netty (about a second here): not what is measured
        try (RedisResultCache cache = new RedisResultCache(settings(deadPort()))) {
            cache.get(KEY);
        }
    }

    @Test
    void aDeadPortGivesQuickMissesAndNoException() throws Exception {
        try (RedisResultCache cache = quickly(() -> new RedisResultCache(settings(deadPort())))) {
            everyCallMissesQuickly(cache);
        }
    }

    @Test
    void aServerThatNeverAnswersGivesQuickMissesAndNoException() throws Exception {
        // the kernel accepts the connection, nothing ever reads from it or answers
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             RedisResultCache cache = new RedisResultCache(settings(silent.getLocalPort()))) {
            everyCallMissesQuickly(cache);
        }
    }

    private static void everyCallMissesQuickly(RedisResultCache cache) throws Exception {
        for (int round = 0; round < 2; round++) {
            assertEquals(Optional.empty(), quickly(() -> cache.get(KEY)));
            quickly(() -> {
                cache.put(KEY, "{}");
                cache.evict(KEY);
                return null;
            });
            assertFalse(quickly(cache::available));
        }
        assertEquals("redis", cache.kind());
    }

    private static <T> T quickly(Callable<T> call) throws Exception {
        long start = System.nanoTime();
        T answer = call.call();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < CALL_LIMIT_MILLIS, "a call took " + millis + " ms");
        return answer;
    }

    private static RedisCacheSettings settings(int port) {
        return RedisCacheSettings.of("127.0.0.1", port).withTtl(Duration.ofMinutes(1));
    }

    private static int deadPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
