package io.shotscope.store;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the Redis result cache lives and how patient it is with it.
 *
 * @param server         which Redis, and how to log in to it
 * @param ttl            how long a report stays in Redis after it was put
 * @param connectTimeout how long to wait for a connection before answering a miss
 * @param commandTimeout how long to wait for one command before answering a miss
 * @param retryInterval  after a failure, how long to answer misses at once before trying to connect again
 * @param keyPrefix      put before every key (e.g. to keep test runs apart); usually empty
 */
public record RedisCacheSettings(RedisServer server, Duration ttl, Duration connectTimeout,
                                 Duration commandTimeout, Duration retryInterval, String keyPrefix) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = RedisServer.DEFAULT_PORT;
    public static final Duration DEFAULT_TTL = Duration.ofDays(7);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(500);
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMillis(500);
    public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(5);

    public RedisCacheSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        requirePositive("ttl", ttl);
        requirePositive("connect timeout", connectTimeout);
        requirePositive("command timeout", commandTimeout);
        requirePositive("retry interval", retryInterval);
    }

    /** This server, needing no password, with every other setting at its default. */
    public static RedisCacheSettings of(String host, int port) {
        return of(RedisServer.of(host, port));
    }

    /** This server with every other setting at its default. */
    public static RedisCacheSettings of(RedisServer server) {
        return new RedisCacheSettings(server, DEFAULT_TTL, DEFAULT_CONNECT_TIMEOUT, DEFAULT_COMMAND_TIMEOUT,
                DEFAULT_RETRY_INTERVAL, "");
    }

    public RedisCacheSettings withTtl(Duration newTtl) {
        return new RedisCacheSettings(server, newTtl, connectTimeout, commandTimeout, retryInterval, keyPrefix);
    }

    public RedisCacheSettings withRetryInterval(Duration newRetryInterval) {
        return new RedisCacheSettings(server, ttl, connectTimeout, commandTimeout, newRetryInterval, keyPrefix);
    }

    public RedisCacheSettings withKeyPrefix(String newKeyPrefix) {
        return new RedisCacheSettings(server, ttl, connectTimeout, commandTimeout, retryInterval, newKeyPrefix);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("redis " + name + " must be positive, got " + value);
        }
    }
}
