package io.shotscope.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link FrameStore} must do, run against each database by a subclass that hands out empty databases. */
abstract class FrameStoreContract {

    private ShotStore shots;
    private FrameStore frames;

    protected abstract DataSource newEmptyDatabase() throws Exception;

    protected abstract void dropDatabases() throws Exception;

    @BeforeEach
    void migrateAFreshDatabase() throws Exception {
        DataSource database = newEmptyDatabase();
        StoreMigrations.migrate(database);
        shots = ShotStores.forDataSource(database);
        frames = new FrameStore(database);
    }

    @AfterEach
    void dropTheDatabases() throws Exception {
        dropDatabases();
    }

    private UUID newShot() {
        UUID id = UUID.randomUUID();
        shots.create(new NewShot(id, "SQ010_SH0010", "/plates/a.mov", "upload", "hash-" + id, "1", "none"));
        return id;
    }

    @Test
    void savedFramesAreListedInFrameOrderAndReadBack() {
        UUID shot = newShot();
        frames.save(shot, List.of(new StoredFrame(12, new byte[] {3}), new StoredFrame(0, new byte[] {1, 2})));
        assertEquals(List.of(0, 12), frames.frameNumbers(shot));
        assertArrayEquals(new byte[] {1, 2}, frames.jpeg(shot, 0).orElseThrow());
        assertArrayEquals(new byte[] {3}, frames.jpeg(shot, 12).orElseThrow());
        assertTrue(frames.jpeg(shot, 5).isEmpty());
    }

    @Test
    void savingAgainReplacesTheFilmstrip() {
        UUID shot = newShot();
        frames.save(shot, List.of(new StoredFrame(0, new byte[] {1}), new StoredFrame(4, new byte[] {2})));
        frames.save(shot, List.of(new StoredFrame(7, new byte[] {9})));
        assertEquals(List.of(7), frames.frameNumbers(shot));
    }

    @Test
    void framesAreKeptPerShotAndGoWithTheirShot() {
        UUID kept = newShot();
        UUID deleted = newShot();
        frames.save(kept, List.of(new StoredFrame(1, new byte[] {1})));
        frames.save(deleted, List.of(new StoredFrame(2, new byte[] {2})));
        assertTrue(shots.delete(deleted));
        assertEquals(List.of(), frames.frameNumbers(deleted));
        assertEquals(List.of(1), frames.frameNumbers(kept));
    }
}
