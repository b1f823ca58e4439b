package io.shotscope.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.AclSetuserArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.shotscope.store.ResultCache;
import io.shotscope.testsupport.SharedClips;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With shotscope.redis.url set, finished results go to the real Redis and identical content is answered from it.
 * The service logs in as a Redis user of its own, its password given apart from the URL, and uses the database
 * the URL names.
 */
@SpringBootTest(classes = ShotscopeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@DirtiesContext
class RedisCacheIT {

    /** Keys of this run only: a clip's result from an earlier run must not answer this one. */
    static final String KEY_PREFIX = "shotscope-it-" + UUID.randomUUID() + ":";
    static final String CLIP = "asl-walk.mkv";
    static final String REDIS_URL = "redis://" + RequiredServers.HOST + ":" + RequiredServers.REDIS_PORT;
    static final int DATABASE = 3;
    static final String USER = "shotscope-it-" + UUID.randomUUID();
    static final String PASSWORD = "pw-" + UUID.randomUUID();

    @TempDir
    static Path root;

    @LocalServerPort
    int port;
    @Autowired
    ResultCache cache;

    @BeforeAll
    static void redisIsUpWithAUserForThisRun() {
        RequiredServers.requireRedis();
        try (RedisClient client = RedisClient.create(REDIS_URL);
             StatefulRedisConnection<String, String> redis = client.connect()) {
            redis.sync().aclSetuser(USER, AclSetuserArgs.Builder.on().addPassword(PASSWORD).allKeys().allCommands());
        }
    }

    @AfterAll
    static void forgetThisRunsKeysAndUser() {
        try (RedisClient client = RedisClient.create(REDIS_URL + "/" + DATABASE);
             StatefulRedisConnection<String, String> redis = client.connect()) {
            for (String key : redis.sync().keys(KEY_PREFIX + "*")) {
                redis.sync().del(key);
            }
            redis.sync().aclDeluser(USER);
        } catch (RuntimeException e) {
            // Redis went away: the keys expire with their ttl, and the user is gone with the server's restart
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.fastAnalysis(registry, root);
        // the user in the URL, the password apart, as a studio keeps secrets out of URLs
        registry.add("shotscope.redis.url", () -> "redis://" + USER + ":@" + RequiredServers.HOST + ":"
                + RequiredServers.REDIS_PORT + "/" + DATABASE);
        registry.add("shotscope.redis.password", () -> PASSWORD);
        registry.add("shotscope.redis.key-prefix", () -> KEY_PREFIX);
        registry.add("shotscope.dashboard.enabled", () -> false);
    }

    @Test
    void aFinishedResultIsKeptInRedisAndAnswersIdenticalContent() {
        ApiClient api = new ApiClient(port);
        ApiClient.Response submitted = api.upload(SharedClips.clip(CLIP), CLIP);
        assertEquals(202, submitted.status(), submitted.text());
        JsonNode shot = api.awaitFinished(submitted.shotId());
        assertEquals("DONE", shot.path("status").asText(), shot.toString());

        String redisKey = KEY_PREFIX + new ResultCache.CacheKey(shot.path("content_hash").asText(),
                shot.path("analyzer_version").asText(), shot.path("model_version").asText()).asString();
        try (RedisClient client = RedisClient.create(REDIS_URL + "/" + DATABASE);
             StatefulRedisConnection<String, String> redis = client.connect()) {
            String stored = redis.sync().get(redisKey);
            assertTrue(stored != null && stored.contains("\"complexity_scores\""), "the report is in Redis");
            assertTrue(redis.sync().ttl(redisKey) > 0, "and expires");
            assertTrue(redis.sync().clientList().contains(" user=" + USER + " "),
                    "the service is logged in as its own user: " + redis.sync().clientList());
        }

        ApiClient.Response again = api.upload(SharedClips.clip(CLIP), "again.mkv");
        assertEquals(201, again.status(), again.text());
        assertTrue(api.get("/metrics").text().contains("shotscope_cache_requests_total{result=\"hit\"} 1.0"));
    }

    @Test
    void readinessShowsTheRedisCacheUp() {
        assertEquals("redis", cache.kind());
        JsonNode ready = new ApiClient(port).get("/ready").json();
        assertEquals("UP", ready.path("status").asText(), ready.toString());
        JsonNode redis = ready.path("components").path("resultCache");
        assertEquals("UP", redis.path("status").asText());
        assertEquals("redis", redis.path("details").path("kind").asText());
    }
}
