package io.shotscope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link ApiKeyStore} must do, run against each database by a subclass that hands out empty databases. */
abstract class ApiKeyStoreContract {

    private static final Instant START = Instant.parse("2025-03-01T10:00:00.123456789Z");

    private DataSource database;
    private ApiKeyStore keys;

    protected abstract DataSource newEmptyDatabase() throws Exception;

    protected abstract void dropDatabases() throws Exception;

    @BeforeEach
    void migrateAFreshDatabase() throws Exception {
        database = newEmptyDatabase();
        StoreMigrations.migrate(database);
        keys = new ApiKeyStore(database, new TickingClock(START, Duration.ofSeconds(1)));
    }

    @AfterEach
    void dropTheDatabases() throws Exception {
        dropDatabases();
    }

    @Test
    void aCreatedKeyIsFoundByItsSecret() {
        IssuedApiKey issued = keys.create("render farm", "submitter");
        assertTrue(issued.secret().startsWith(ApiKeyStore.SECRET_PREFIX), issued.secret());
        assertEquals(issued.key(), keys.find(issued.secret()).orElseThrow());
        assertEquals("submitter", keys.find(issued.secret()).orElseThrow().role());
    }

    @Test
    void anUnknownOrAlteredSecretFindsNothing() {
        IssuedApiKey issued = keys.create("render farm", "viewer");
        assertTrue(keys.find(issued.secret() + "x").isEmpty());
        assertTrue(keys.find(ApiKeyStore.SECRET_PREFIX + "nothing").isEmpty());
        assertTrue(keys.find("not-a-key").isEmpty());
        assertTrue(keys.find(null).isEmpty());
    }

    @Test
    void onlyTheHashOfTheSecretIsStored() throws Exception {
        IssuedApiKey issued = keys.create("ci", "admin");
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT secret_hash FROM api_keys")) {
            assertTrue(row.next());
            String stored = row.getString(1);
            assertNotEquals(issued.secret(), stored);
            assertFalse(stored.contains(issued.secret().substring(ApiKeyStore.SECRET_PREFIX.length())));
            assertEquals(ApiKeyStore.hash(issued.secret()), stored);
        }
    }

    @Test
    void everyKeyHasItsOwnSecret() {
        assertNotEquals(keys.create("a", "viewer").secret(), keys.create("b", "viewer").secret());
    }

    @Test
    void aDeletedKeyIsRevokedAtOnce() {
        IssuedApiKey issued = keys.create("old", "viewer");
        assertTrue(keys.delete(issued.key().id()));
        assertTrue(keys.find(issued.secret()).isEmpty());
        assertFalse(keys.delete(issued.key().id()), "already gone");
    }

    @Test
    void listShowsEveryKeyOldestFirst() {
        ApiKey first = keys.create("first", "viewer").key();
        ApiKey second = keys.create("second", "admin").key();
        assertEquals(List.of(first, second), keys.list());
    }

    @Test
    void aKeyNeedsAName() {
        assertThrows(IllegalArgumentException.class, () -> keys.create(" ", "viewer"));
        assertThrows(IllegalArgumentException.class, () -> keys.create("x".repeat(201), "viewer"));
    }

    @Test
    void theIssuedKeyNeverPrintsItsSecret() {
        IssuedApiKey issued = keys.create("ci", "viewer");
        assertFalse(issued.toString().contains(issued.secret()));
    }
}
