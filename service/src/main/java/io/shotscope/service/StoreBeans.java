package io.shotscope.service;

import io.shotscope.store.CaffeineResultCache;
import io.shotscope.store.FrameStore;
import io.shotscope.store.RedisCacheSettings;
import io.shotscope.store.RedisServer;
import io.shotscope.store.RedisResultCache;
import io.shotscope.store.ResultCache;
import io.shotscope.store.ShotStore;
import io.shotscope.store.ShotStores;
import io.shotscope.store.StoreMigrations;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shot store on Spring's DataSource (schema migrated at start-up) and the result cache. */
@Configuration
public class StoreBeans {

    private static final Logger LOG = LoggerFactory.getLogger(StoreBeans.class);

    @Bean
    ShotStore shotStore(DataSource dataSource) {
        int applied = StoreMigrations.migrate(dataSource);
        if (applied > 0) {
            LOG.info("shot store: {} schema migration(s) applied", applied);
        }
        return ShotStores.forDataSource(dataSource);
    }

    /** Takes the shot store so the schema (with the shot_frames table) is migrated first. */
    @Bean
    FrameStore frameStore(DataSource dataSource, ShotStore migratedFirst) {
        return new FrameStore(dataSource);
    }

    /** Redis when shotscope.redis.url is set, an in-process cache otherwise. */
    @Bean
    ResultCache resultCache(ShotscopeProperties properties) {
        ShotscopeProperties.Redis redis = properties.redis();
        if (!redis.configured()) {
            return new CaffeineResultCache(properties.cache().maxEntries(), properties.cache().ttl());
        }
        RedisServer server;
        try {
            server = RedisServer.parse(redis.url());
        } catch (IllegalArgumentException e) {
            throw new StartRefusedException("shotscope.redis.url: " + e.getMessage(),
                    "Correct shotscope.redis.url (SHOTSCOPE_REDIS_URL), or leave it empty for the in-process cache.");
        }
        if (redis.password() != null && !redis.password().isEmpty()) {
            server = server.withPassword(redis.password());
        }
        RedisCacheSettings settings = new RedisCacheSettings(server, properties.cache().ttl(), redis.timeout(),
                redis.timeout(), redis.retry(), redis.keyPrefix());
        LOG.info("result cache: redis at {}", server);
        return new RedisResultCache(settings);
    }
}
