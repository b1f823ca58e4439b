package io.shotscope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.shotscope.store.ResultCache.CacheKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The result cache contract on the Redis server at 127.0.0.1:6379, every key under a prefix unique to this
 * run (deleted at the end), plus what only Redis does: keys expire in Redis, and a Redis that goes away
 * and comes back.
 */
class RedisResultCacheIT extends ResultCacheContract {

    private static final String PREFIX = "shotscope-it-" + UUID.randomUUID() + ":";
    private static final CacheKey KEY = new CacheKey("ab12", "0.4.0", "none");
    private static final Duration TTL = Duration.ofMinutes(5);
    private static final Duration QUICK_RETRY = Duration.ofMillis(200);
    private static final long CALL_LIMIT_MILLIS = 2_000;

    private static RedisClient inspector;
    private static StatefulRedisConnection<String, String> inspection;

    private final List<RedisResultCache> caches = new ArrayList<>();

    @BeforeEach
    void needsRedis() {
        ExternalServices.requireRedis();
        if (inspection == null) {
            inspector = RedisClient.create(RedisURI.create(ExternalServices.HOST, ExternalServices.REDIS_PORT));
            inspection = inspector.connect();
        }
    }

    @AfterAll
    static void deleteThisRunsKeys() {
        if (inspection != null) {
            RedisCommands<String, String> redis = inspection.sync();
            List<String> keys = redis.keys(PREFIX + "*");
            if (!keys.isEmpty()) {
                redis.del(keys.toArray(String[]::new));
            }
            inspection.close();
            inspector.shutdown();
        }
    }

    @AfterEach
    void closeTheCaches() {
        caches.forEach(RedisResultCache::close);
    }

    @Override
    protected ResultCache newCache(Duration ttl) {
        return track(new RedisResultCache(settings(ExternalServices.REDIS_PORT).withTtl(ttl)));
    }

    @Override
    protected String expectedKind() {
        return "redis";
    }

    @Test
    void theKeyCarriesTheTtlInRedis() {
        RedisResultCache cache = track(new RedisResultCache(settings(ExternalServices.REDIS_PORT)));
        cache.put(KEY, "{}");
        long millisLeft = inspection.sync().pttl(cache.redisKey(KEY));
        assertTrue(millisLeft > 0 && millisLeft <= TTL.toMillis(), millisLeft + " ms left");
    }

    @Test
    void keysLiveUnderThePrefix() {
        RedisResultCache cache = track(new RedisResultCache(settings(ExternalServices.REDIS_PORT)));
        cache.put(KEY, "{}");
        assertEquals(PREFIX + "shotscope:result:ab12:0.4.0:none", cache.redisKey(KEY));
        assertEquals(1, inspection.sync().exists(PREFIX + KEY.asString()));
    }

    @Test
    void aRedisThatGoesAwayGivesMissesAndIsUsedAgainWhenItReturns() throws Exception {
        try (TcpProxy redis = new TcpProxy(ExternalServices.HOST, ExternalServices.REDIS_PORT)) {
            RedisResultCache cache = track(new RedisResultCache(settings(redis.port()).withRetryInterval(QUICK_RETRY)));
            cache.put(KEY, "{\"kept\":true}");
            assertTrue(cache.available());

            redis.stop();
            assertEquals(Optional.empty(), quickly(() -> cache.get(KEY)));
            assertFalse(quickly(cache::available));
            quickly(() -> {
                cache.put(KEY, "{}");
                cache.evict(KEY);
                return null;
            });

            redis.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!cache.available() && System.nanoTime() < deadline) {
                Thread.sleep(QUICK_RETRY.toMillis());
            }
            assertTrue(cache.available(), "not available 5 s after Redis returned");
            assertEquals(Optional.of("{\"kept\":true}"), cache.get(KEY));
        }
    }

    @Test
    void aUserWithAPasswordLogsInFromTheUrlAndUsesTheDatabaseItNames() {
        String user = "shotscope-it-user-" + UUID.randomUUID();
        String password = "pw-" + UUID.randomUUID();
        CacheKey key = new CacheKey("db3-" + UUID.randomUUID(), "0.4.0", "none");
        RedisCommands<String, String> admin = inspection.sync();
        admin.aclSetuser(user, io.lettuce.core.AclSetuserArgs.Builder.on().addPassword(password).allKeys()
                .allCommands());
        try {
            RedisServer server = RedisServer.parse("redis://" + user + ":" + password + "@" + ExternalServices.HOST
                    + ":" + ExternalServices.REDIS_PORT + "/3");
            RedisResultCache cache = track(new RedisResultCache(RedisCacheSettings.of(server).withTtl(TTL)
                    .withKeyPrefix(PREFIX)));
            cache.put(key, "{\"db\":3}");
            assertEquals(Optional.of("{\"db\":3}"), cache.get(key));
            assertEquals(0, admin.exists(cache.redisKey(key)), "not in database 0");
            try (StatefulRedisConnection<String, String> db3 = inspector.connect(RedisURI.Builder
                    .redis(ExternalServices.HOST, ExternalServices.REDIS_PORT).withDatabase(3).build())) {
                assertEquals(1, db3.sync().exists(cache.redisKey(key)), "in database 3");
                db3.sync().del(cache.redisKey(key));
            }

            RedisResultCache wrong = track(new RedisResultCache(RedisCacheSettings.of(server.withPassword("wrong"))
                    .withKeyPrefix(PREFIX)));
            assertFalse(wrong.available(), "a wrong password leaves the cache unavailable");
            assertEquals(Optional.empty(), wrong.get(key));
        } finally {
            admin.aclDeluser(user);
        }
    }

    private static <T> T quickly(Callable<T> call) throws Exception {
        long start = System.nanoTime();
        T answer = call.call();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < CALL_LIMIT_MILLIS, "a call took " + millis + " ms");
        return answer;
    }

    private RedisResultCache track(RedisResultCache cache) {
        caches.add(cache);
        return cache;
    }

    private static RedisCacheSettings settings(int port) {
        return RedisCacheSettings.of(ExternalServices.HOST, port).withTtl(TTL).withKeyPrefix(PREFIX);
    }
}
