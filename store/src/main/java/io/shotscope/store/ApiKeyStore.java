package io.shotscope.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * API keys in the shots database (table {@code api_keys}, migration V2), plain JDBC with SQL both H2 and
 * PostgreSQL accept. A secret is 32 random bytes; only its SHA-256 is stored, so a leaked database
 * yields no usable key. The secret carries a prefix so it can be told from a JWT at a glance.
 */
public final class ApiKeyStore {

    /** Every secret starts with this. */
    public static final String SECRET_PREFIX = "ssk_";
    private static final int SECRET_BYTES = 32;
    private static final int MAX_NAME_LENGTH = 200;

    private static final String INSERT = "INSERT INTO api_keys (id, name, role, secret_hash, created_at)"
            + " VALUES (?, ?, ?, ?, ?)";
    private static final String SELECT_BY_HASH = "SELECT id, name, role, created_at FROM api_keys WHERE secret_hash = ?";
    private static final String SELECT_ALL = "SELECT id, name, role, created_at FROM api_keys ORDER BY created_at, id";
    private static final String DELETE = "DELETE FROM api_keys WHERE id = ?";

    private final DataSource dataSource;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiKeyStore(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates a key acting as {@code role}.
     *
     * @throws IllegalArgumentException when the name is blank or longer than 200 characters
     */
    public IssuedApiKey create(String name, String role) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("an API key needs a name of 1 to " + MAX_NAME_LENGTH + " characters");
        }
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiKey key = new ApiKey(UUID.randomUUID(), name, Objects.requireNonNull(role, "role"),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, key.id());
            insert.setString(2, key.name());
            insert.setString(3, key.role());
            insert.setString(4, hash(secret));
            insert.setObject(5, OffsetDateTime.ofInstant(key.created(), ZoneOffset.UTC));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("api keys: storing key " + key.id() + " failed: " + e.getMessage(), e);
        }
        return new IssuedApiKey(key, secret);
    }

    /** The key whose secret this is; empty for an unknown or revoked secret. */
    public Optional<ApiKey> find(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(SELECT_BY_HASH)) {
            select.setString(1, hash(secret));
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("api keys: looking up a key failed: " + e.getMessage(), e);
        }
    }

    /** Every key, oldest first (never their secrets). */
    public List<ApiKey> list() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(SELECT_ALL);
             ResultSet rows = select.executeQuery()) {
            List<ApiKey> keys = new ArrayList<>();
            while (rows.next()) {
                keys.add(read(rows));
            }
            return keys;
        } catch (SQLException e) {
            throw new StoreException("api keys: listing keys failed: " + e.getMessage(), e);
        }
    }

    /** Revokes a key at once; false when there was no such key. */
    public boolean delete(UUID id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setObject(1, id);
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("api keys: deleting key " + id + " failed: " + e.getMessage(), e);
        }
    }

    private static ApiKey read(ResultSet row) throws SQLException {
        return new ApiKey(row.getObject("id", UUID.class), row.getString("name"), row.getString("role"),
                row.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
