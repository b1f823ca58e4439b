package io.shotscope.store;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Reports in Redis, shared by every process of the service, each key expiring after the configured ttl.
 * Constructing one does not connect: the first call does. A call that cannot reach Redis in the configured
 * timeouts answers a miss and turns {@link #available()} false; for the retry interval that follows every
 * call answers at once without trying, then the next call connects again and, when Redis is back, the
 * cache is available again.
 */
public final class RedisResultCache implements ResultCache, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RedisResultCache.class.getName());

    /** How long {@link #close()} waits for the client's threads to stop. */
    private static final long SHUTDOWN_TIMEOUT_MILLIS = 2_000;

    private final RedisCacheSettings settings;
    private final RedisClient client;
    private final Object connectLock = new Object();

    private volatile StatefulRedisConnection<String, String> connection;
    private volatile boolean available = true;
    /** System.nanoTime() before which no new connection is attempted; meaningful while unavailable. */
    private volatile long retryNotBeforeNanos;

    public RedisResultCache(RedisCacheSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        RedisServer server = settings.server();
        RedisURI.Builder uri = RedisURI.Builder.redis(server.host(), server.port())
                .withDatabase(server.database())
                .withTimeout(settings.commandTimeout());
        if (server.password() != null) {
            uri = server.username() == null ? uri.withPassword(server.password().toCharArray())
                    : uri.withAuthentication(server.username(), server.password().toCharArray());
        }
        this.client = RedisClient.create(uri.build());
        // no background reconnects and no command queue while disconnected: a lost connection shows at once
        client.setOptions(ClientOptions.builder()
                .autoReconnect(false)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(settings.connectTimeout()).build())
                .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()))
                .build());
    }

    @Override
    public Optional<String> get(CacheKey key) {
        return call("read", commands -> commands.get(redisKey(key)));
    }

    @Override
    public void put(CacheKey key, String reportJson) {
        call("write", commands -> commands.set(redisKey(key), reportJson, SetArgs.Builder.px(settings.ttl())));
    }

    @Override
    public void evict(CacheKey key) {
        call("evict", commands -> commands.del(redisKey(key)));
    }

    /** Whether Redis answers; connects when there is no connection yet and the retry interval has passed. */
    @Override
    public boolean available() {
        return connection() != null;
    }

    @Override
    public String kind() {
        return "redis";
    }

    /** The key under which Redis keeps this result. */
    public String redisKey(CacheKey key) {
        return settings.keyPrefix() + key.asString();
    }

    /** Closes the connection and stops the client's threads. */
    @Override
    public void close() {
        synchronized (connectLock) {
            connection = null;
        }
        // the client closes every connection it opened
        client.shutdown(0, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Runs one command; any Redis failure is logged once, answers empty and makes the cache unavailable. */
    private <T> Optional<T> call(String action, Function<RedisCommands<String, String>, T> command) {
        StatefulRedisConnection<String, String> current = connection();
        if (current == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(command.apply(current.sync()));
        } catch (RedisException e) {
            lost(current, "could not " + action + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The open connection, connecting when allowed; null while Redis is unavailable. */
    private StatefulRedisConnection<String, String> connection() {
        StatefulRedisConnection<String, String> current = connection;
        if (current != null && current.isOpen()) {
            return current;
        }
        synchronized (connectLock) {
            current = connection;
            if (current != null && current.isOpen()) {
                return current;
            }
            if (current != null) {
                lost(current, "the connection closed");
            }
            if (!available && System.nanoTime() < retryNotBeforeNanos) {
                return null;
            }
            try {
                connection = client.connect();
            } catch (RedisException e) {
                lost(null, "could not connect: " + e.getMessage());
                return null;
            }
            if (!available) {
                LOG.log(Level.INFO, "redis cache at {0}: reachable again", address());
                available = true;
            }
            return connection;
        }
    }

    private void lost(StatefulRedisConnection<String, String> broken, String reason) {
        synchronized (connectLock) {
            if (broken != null) {
                broken.closeAsync();
                if (connection == broken) {
                    connection = null;
                }
            }
            retryNotBeforeNanos = System.nanoTime() + settings.retryInterval().toNanos();
            if (available) {
                LOG.log(Level.WARNING, "redis cache at {0}: {1}; working without it, next try in {2}",
                        address(), reason, settings.retryInterval());
                available = false;
            }
        }
    }

    private String address() {
        return settings.server().toString();
    }
}
