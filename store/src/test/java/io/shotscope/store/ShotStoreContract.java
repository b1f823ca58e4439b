package io.shotscope.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every {@link ShotStore} must do, run against each database by a subclass that hands out empty
 * databases. Each test starts from a freshly migrated one.
 */
abstract class ShotStoreContract {

    private static final String ANALYZER = "0.4.0";
    private static final String MODEL = "difficulty-2025-03";
    private static final Instant START = Instant.parse("2025-03-01T10:00:00.123456789Z");
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, 0x7F, (byte) 0x80, 0x01};
    private static final int THREADS = 8;

    private DataSource database;
    private ShotStore store;

    /** A new, empty database (schema), dropped by {@link #dropDatabases()}. */
    protected abstract DataSource newEmptyDatabase() throws Exception;

    /** Drops every database this test handed out. */
    protected abstract void dropDatabases() throws Exception;

    protected abstract Class<? extends JdbcShotStore> expectedStoreClass();

    @BeforeEach
    void migrateAFreshDatabase() throws Exception {
        database = newEmptyDatabase();
        assertEquals(3, StoreMigrations.migrate(database), "V1 shots, V2 api keys, V3 filmstrip frames");
        store = ShotStores.forDataSource(database, new TickingClock(START, Duration.ofSeconds(1)));
    }

    @AfterEach
    void dropTheDatabases() throws Exception {
        dropDatabases();
    }

    // --- schema and store choice

    @Test
    void forDataSourcePicksThisDatabasesStore() {
        assertEquals(expectedStoreClass(), ShotStores.forDataSource(database).getClass());
    }

    @Test
    void migratingAnUpToDateDatabaseAppliesNothing() {
        assertEquals(0, StoreMigrations.migrate(database));
    }

    @Test
    void migrationsRunBesideTablesThatAreAlreadyThere() throws Exception {
        DataSource shared = newEmptyDatabase();
        try (Connection connection = shared.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE jobrunr_jobs (id varchar(36) PRIMARY KEY)");
        }
        assertEquals(3, StoreMigrations.migrate(shared), "V1 shots, V2 api keys, V3 filmstrip frames");
        ShotStore sharedStore = ShotStores.forDataSource(shared);
        ShotRecord created = sharedStore.create(newShot("SQ010_SH0010"));
        assertEquals(created.id(), sharedStore.find(created.id()).orElseThrow().id());
    }

    // --- create and find

    @Test
    void createdShotIsFoundQueuedWithoutAttempts() {
        ShotRecord created = store.create(newShot("SQ010_SH0010"));
        ShotRecord found = store.find(created.id()).orElseThrow();
        assertEquals(created, found);
        assertEquals(ShotStatus.QUEUED, found.status());
        assertEquals(0, found.attempts());
        assertNull(found.finishedAt());
        assertNull(found.reportJson());
        assertEquals("/plates/SQ010_SH0010.mov", found.input());
        assertEquals("upload", found.source());
        assertEquals(MODEL, found.modelVersion());
    }

    @Test
    void findAnswersNothingForAnUnknownId() {
        assertTrue(store.find(UUID.randomUUID()).isEmpty());
    }

    @Test
    void timesAreKeptInUtcToTheMicrosecond() {
        ShotRecord created = store.create(newShot("SQ010_SH0010"));
        Instant stored = store.find(created.id()).orElseThrow().createdAt();
        assertEquals(Instant.parse("2025-03-01T10:00:00.123456Z"), stored);
        assertEquals(created.createdAt(), stored);
    }

    @Test
    void findByContentAnswersTheNewestShotThatHasNotFailed() {
        ShotRecord done = store.create(newShot("SQ010_SH0010"));
        store.markDone(done.id(), result("Easy", 0.9));
        ShotRecord failed = store.create(newShot("SQ010_SH0010"));
        store.markFailed(failed.id(), "decoder gave up");
        assertEquals(done.id(), findByContent("SQ010_SH0010").id());

        ShotRecord queued = store.create(newShot("SQ010_SH0010"));
        assertEquals(queued.id(), findByContent("SQ010_SH0010").id());
    }

    @Test
    void findByContentIgnoresOtherAnalyzerAndModelVersions() {
        NewShot shot = newShot("SQ010_SH0010");
        store.create(new NewShot(UUID.randomUUID(), shot.shotCode(), shot.input(), shot.source(), shot.contentHash(),
                "0.3.9", MODEL));
        store.create(new NewShot(UUID.randomUUID(), shot.shotCode(), shot.input(), shot.source(), shot.contentHash(),
                ANALYZER, "none"));
        assertTrue(store.findByContent(shot.contentHash(), ANALYZER, MODEL).isEmpty());
        assertTrue(store.findByContent(shot.contentHash(), "0.3.9", MODEL).isPresent());
        assertTrue(store.findByContent(shot.contentHash(), ANALYZER, "none").isPresent());
    }

    @Test
    void findByContentAnswersNothingWhenEveryShotFailed() {
        ShotRecord failed = store.create(newShot("SQ010_SH0010"));
        store.markFailed(failed.id(), "unreadable");
        assertTrue(store.findByContent(failed.contentHash(), ANALYZER, MODEL).isEmpty());
    }

    // --- status changes

    @Test
    void markRunningCountsEachAttempt() {
        ShotRecord created = store.create(newShot("SQ010_SH0010"));
        assertTrue(store.markRunning(created.id()));
        assertTrue(store.markRunning(created.id()));
        ShotRecord running = store.find(created.id()).orElseThrow();
        assertEquals(ShotStatus.RUNNING, running.status());
        assertEquals(2, running.attempts());
        assertTrue(running.updatedAt().isAfter(running.createdAt()));
    }

    @Test
    void markRunningRefusesFinishedAndMissingShots() {
        ShotRecord done = store.create(newShot("SQ010_SH0010"));
        store.markDone(done.id(), result("Hard", 0.7));
        ShotRecord failed = store.create(newShot("SQ010_SH0020"));
        store.markFailed(failed.id(), "unreadable");

        assertFalse(store.markRunning(done.id()));
        assertFalse(store.markRunning(failed.id()));
        assertFalse(store.markRunning(UUID.randomUUID()));
        assertEquals(ShotStatus.DONE, store.find(done.id()).orElseThrow().status());
        assertEquals(0, store.find(done.id()).orElseThrow().attempts());
        assertEquals(ShotStatus.FAILED, store.find(failed.id()).orElseThrow().status());
    }

    @Test
    void markDoneStoresTheResultAndTheThumbnail() {
        ShotRecord created = store.create(newShot("SQ010_SH0010"));
        store.markRunning(created.id());
        assertTrue(store.markDone(created.id(), result("Medium", 0.625)));

        ShotRecord done = store.find(created.id()).orElseThrow();
        assertEquals(ShotStatus.DONE, done.status());
        assertEquals("Medium", done.difficulty());
        assertEquals(0.625, done.confidence());
        assertEquals(reportJson("Medium"), done.reportJson());
        assertNull(done.error());
        assertNotNull(done.finishedAt());
        assertEquals(done.finishedAt(), done.updatedAt());
        assertArrayEquals(JPEG, store.thumbnail(created.id()).orElseThrow());
    }

    @Test
    void markDoneWithoutRatingOrThumbnailStoresNothingForThem() {
        ShotRecord created = store.create(newShot("SQ010_SH0010"));
        assertTrue(store.markDone(created.id(), new ShotResult(null, null, "{}", null)));
        ShotRecord done = store.find(created.id()).orElseThrow();
        assertNull(done.difficulty());
        assertNull(done.confidence());
        assertEquals("{}", done.reportJson());
        assertTrue(store.thumbnail(created.id()).isEmpty());
    }

    @Test
    void markDoneTwiceKeepsTheFirstResult() {
        ShotRecord created = store.create(newShot("SQ010_SH0010"));
        assertTrue(store.markDone(created.id(), result("Easy", 0.8)));
        ShotRecord first = store.find(created.id()).orElseThrow();
        assertTrue(store.markDone(created.id(), result("Hard", 0.6)));
        assertEquals(first, store.find(created.id()).orElseThrow());
    }

    @Test
    void aLargeReportComesBackWhole() {
        StringBuilder json = new StringBuilder("{\"frames\":[");
        for (int i = 0; i < 40_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"n\":").append(i).append(",\"note\":\"plaque brûlée ✓\"}");
        }
        String report = json.append("]}").toString();
        ShotRecord created = store.create(newShot("SQ010_SH0010"));
        store.markDone(created.id(), new ShotResult("Hard", 0.5, report, new byte[300_000]));
        assertEquals(report, store.find(created.id()).orElseThrow().reportJson());
        assertEquals(300_000, store.thumbnail(created.id()).orElseThrow().length);
    }

    @Test
    void markFailedStoresTheReasonAndKeepsTheFirst() {
        ShotRecord created = store.create(newShot("SQ010_SH0010"));
        assertTrue(store.markFailed(created.id(), "SQ010_SH0010.mov: no video stream"));
        assertTrue(store.markFailed(created.id(), "a later reason"));
        ShotRecord failed = store.find(created.id()).orElseThrow();
        assertEquals(ShotStatus.FAILED, failed.status());
        assertEquals("SQ010_SH0010.mov: no video stream", failed.error());
        assertNotNull(failed.finishedAt());
    }

    @Test
    void aFailureNeverOverwritesAResultNorAResultAFailure() {
        ShotRecord done = store.create(newShot("SQ010_SH0010"));
        store.markDone(done.id(), result("Easy", 0.9));
        ShotRecord failed = store.create(newShot("SQ010_SH0020"));
        store.markFailed(failed.id(), "unreadable");

        assertFalse(store.markFailed(done.id(), "too late"));
        assertFalse(store.markDone(failed.id(), result("Easy", 0.9)));
        assertEquals(ShotStatus.DONE, store.find(done.id()).orElseThrow().status());
        assertNull(store.find(done.id()).orElseThrow().error());
        assertEquals(ShotStatus.FAILED, store.find(failed.id()).orElseThrow().status());
        assertNull(store.find(failed.id()).orElseThrow().reportJson());
    }

    @Test
    void finishingAMissingShotAnswersFalse() {
        assertFalse(store.markDone(UUID.randomUUID(), result("Easy", 0.9)));
        assertFalse(store.markFailed(UUID.randomUUID(), "gone"));
    }

    // --- many workers at once

    @Test
    void concurrentMarkRunningCountsEveryAttempt() throws Exception {
        ShotRecord created = store.create(newShot("SQ010_SH0010"));
        int callsPerThread = 5;
        List<Boolean> answers = runTogether(THREADS, worker -> {
            boolean all = true;
            for (int i = 0; i < callsPerThread; i++) {
                all &= store.markRunning(created.id());
            }
            return all;
        });
        assertTrue(answers.stream().allMatch(Boolean::booleanValue));
        assertEquals(THREADS * callsPerThread, store.find(created.id()).orElseThrow().attempts());
    }

    @Test
    void concurrentDoneAndFailedLetExactlyOneOutcomeWin() throws Exception {
        for (int round = 0; round < 5; round++) {
            ShotRecord created = store.create(newShot("SQ010_SH00" + round + "0"));
            store.markRunning(created.id());
            List<Boolean> answers = runTogether(THREADS, worker -> worker % 2 == 0
                    ? store.markDone(created.id(), result("Easy", 0.5 + worker / 100.0))
                    : store.markFailed(created.id(), "worker " + worker));

            ShotRecord finished = store.find(created.id()).orElseThrow();
            boolean doneWon = finished.status() == ShotStatus.DONE;
            assertTrue(finished.status().terminal());
            for (int worker = 0; worker < THREADS; worker++) {
                boolean isDoneCall = worker % 2 == 0;
                assertEquals(isDoneCall == doneWon, answers.get(worker), "worker " + worker + " in round " + round);
            }
            assertEquals(doneWon, finished.reportJson() != null);
            assertEquals(!doneWon, finished.error() != null);
        }
    }

    // --- search

    @Test
    void searchWithoutFiltersAnswersEveryShotNewestFirst() {
        ShotRecord first = store.create(newShot("SQ010_SH0010"));
        ShotRecord second = store.create(newShot("SQ010_SH0020"));
        ShotRecord third = store.create(newShot("SQ010_SH0030"));
        ShotPage page = store.search(ShotQuery.newest(10));
        assertEquals(List.of(third.id(), second.id(), first.id()), ids(page));
        assertEquals(3, page.total());
        assertEquals(0, page.page());
        assertEquals(10, page.size());
    }

    @Test
    void searchFiltersByStatus() {
        ShotRecord running = store.create(newShot("SQ010_SH0010"));
        store.markRunning(running.id());
        store.create(newShot("SQ010_SH0020"));
        ShotPage page = store.search(query(ShotStatus.RUNNING, null, null));
        assertEquals(List.of(running.id()), ids(page));
        assertEquals(1, page.total());
    }

    @Test
    void searchFiltersByDifficulty() {
        ShotRecord hard = store.create(newShot("SQ010_SH0010"));
        store.markDone(hard.id(), result("Hard", 0.7));
        ShotRecord easy = store.create(newShot("SQ010_SH0020"));
        store.markDone(easy.id(), result("Easy", 0.7));
        store.create(newShot("SQ010_SH0030"));
        assertEquals(List.of(hard.id()), ids(store.search(query(null, "Hard", null))));
    }

    @Test
    void searchFindsTextInTheShotCodeOrTheInputIgnoringCase() {
        ShotRecord byCode = store.create(newShot("SQ010_SH0010"));
        ShotRecord byInput = store.create(new NewShot(UUID.randomUUID(), "SQ020_SH0010",
                "/Volumes/Show/Renders/comp_v003.%04d.exr", "path", "cafe01", ANALYZER, MODEL));
        store.create(newShot("SQ030_SH0020"));
        assertEquals(List.of(byCode.id()), ids(store.search(query(null, null, "sq010_sh"))));
        assertEquals(List.of(byInput.id()), ids(store.search(query(null, null, "RENDERS/COMP"))));
        assertEquals(Set.of(byCode.id(), byInput.id()),
                new HashSet<>(ids(store.search(query(null, null, "SH0010")))));
    }

    @Test
    void searchTakesWildcardsInTheTextLiterally() {
        ShotRecord underscore = store.create(newShot("SQ010_SH0010"));
        store.create(newShot("SQ010XSH0020"));
        ShotRecord bang = store.create(newShot("REEL!1"));
        assertEquals(List.of(underscore.id()), ids(store.search(query(null, null, "10_SH"))));
        assertEquals(List.of(), ids(store.search(query(null, null, "%"))));
        assertEquals(List.of(bang.id()), ids(store.search(query(null, null, "l!1"))));
    }

    @Test
    void searchCombinesItsFilters() {
        ShotRecord wanted = store.create(newShot("SQ010_SH0010"));
        store.markDone(wanted.id(), result("Hard", 0.9));
        ShotRecord otherDifficulty = store.create(newShot("SQ010_SH0020"));
        store.markDone(otherDifficulty.id(), result("Easy", 0.9));
        ShotRecord otherText = store.create(newShot("SQ020_SH0010"));
        store.markDone(otherText.id(), result("Hard", 0.9));
        store.create(newShot("SQ010_SH0030"));
        ShotPage page = store.search(query(ShotStatus.DONE, "Hard", "sq010"));
        assertEquals(List.of(wanted.id()), ids(page));
        assertEquals(1, page.total());
    }

    @Test
    void searchPagesThroughTiedShotsExactlyOnce() {
        Set<UUID> created = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            created.add(store.create(newShot("SQ010_SH00" + i + "0")).id());
        }
        List<UUID> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            // every shot is QUEUED: the order rests on the tiebreak alone
            ShotPage answer = store.search(new ShotQuery(null, null, null, page, 3, ShotQuery.Sort.STATUS, true));
            assertEquals(7, answer.total());
            assertEquals(page < 2 ? 3 : 1, answer.items().size());
            seen.addAll(ids(answer));
        }
        assertEquals(7, seen.size());
        assertEquals(created, new HashSet<>(seen));
    }

    @Test
    void searchPastTheLastPageAnswersNoShotsButTheTotal() {
        store.create(newShot("SQ010_SH0010"));
        store.create(newShot("SQ010_SH0020"));
        ShotPage page = store.search(new ShotQuery(null, null, null, 5, 2, null, true));
        assertTrue(page.items().isEmpty());
        assertEquals(2, page.total());
    }

    @ParameterizedTest
    @EnumSource(ShotQuery.Sort.class)
    void searchSortsByEachColumnBothWaysWithTheIdBreakingTies(ShotQuery.Sort sort) {
        List<ShotRecord> shots = shotsWithVariedColumns();
        for (boolean ascending : new boolean[] {true, false}) {
            ShotPage page = store.search(new ShotQuery(null, null, null, 0, 50, sort, ascending));
            assertEquals(ids(expectedOrder(shots, sort, ascending)), ids(page), sort + (ascending ? " asc" : " desc"));
        }
    }

    // --- delete and count

    @Test
    void deleteRemovesTheShotAndItsThumbnail() {
        ShotRecord created = store.create(newShot("SQ010_SH0010"));
        store.markDone(created.id(), result("Easy", 0.9));
        ShotRecord kept = store.create(newShot("SQ010_SH0020"));
        assertTrue(store.delete(created.id()));
        assertTrue(store.find(created.id()).isEmpty());
        assertTrue(store.thumbnail(created.id()).isEmpty());
        assertTrue(store.find(kept.id()).isPresent());
        assertFalse(store.delete(created.id()));
    }

    @Test
    void countCountsTheShotsInEachStatus() {
        store.create(newShot("SQ010_SH0010"));
        store.create(newShot("SQ010_SH0020"));
        store.markRunning(store.create(newShot("SQ010_SH0030")).id());
        store.markFailed(store.create(newShot("SQ010_SH0040")).id(), "unreadable");
        assertEquals(2, store.count(ShotStatus.QUEUED));
        assertEquals(1, store.count(ShotStatus.RUNNING));
        assertEquals(0, store.count(ShotStatus.DONE));
        assertEquals(1, store.count(ShotStatus.FAILED));
    }

    // --- helpers

    /**
     * Seven shots whose creation order, update order, code order, confidence order and status order all
     * differ, with ties on status and missing confidences.
     */
    private List<ShotRecord> shotsWithVariedColumns() {
        String[] codes = {"SQ030_SH0010", "SQ010_SH0030", "SQ020_SH0020", "SQ010_SH0010", "SQ040_SH0050",
            "SQ010_SH0020", "SQ020_SH0040"};
        List<UUID> ids = new ArrayList<>();
        for (String code : codes) {
            ids.add(store.create(newShot(code)).id());
        }
        store.markDone(ids.get(4), result("Easy", 0.91));
        store.markRunning(ids.get(2));
        store.markDone(ids.get(0), result("Hard", 0.42));
        store.markFailed(ids.get(5), "unreadable");
        store.markDone(ids.get(3), result("Medium", 0.77));
        store.markDone(ids.get(1), new ShotResult(null, null, "{}", null));
        List<ShotRecord> records = new ArrayList<>();
        for (UUID id : ids) {
            records.add(store.find(id).orElseThrow());
        }
        return records;
    }

    private static List<ShotRecord> expectedOrder(List<ShotRecord> shots, ShotQuery.Sort sort, boolean ascending) {
        Comparator<ShotRecord> byColumn = switch (sort) {
            case CREATED_AT -> Comparator.comparing(ShotRecord::createdAt);
            case UPDATED_AT -> Comparator.comparing(ShotRecord::updatedAt);
            case SHOT_CODE -> Comparator.comparing(ShotRecord::shotCode);
            case CONFIDENCE -> Comparator.comparing(ShotRecord::confidence,
                    Comparator.nullsLast(Comparator.naturalOrder()));
            case STATUS -> Comparator.comparing(ShotRecord::status);
        };
        // ids compare as unsigned 128-bit numbers, which is the order of their hex strings
        Comparator<ShotRecord> order = byColumn.thenComparing(shot -> shot.id().toString());
        List<ShotRecord> sorted = new ArrayList<>(shots);
        sorted.sort(ascending ? order : order.reversed());
        // shots without a value come last in both directions
        List<ShotRecord> withValue = new ArrayList<>();
        List<ShotRecord> withoutValue = new ArrayList<>();
        for (ShotRecord shot : sorted) {
            (sort == ShotQuery.Sort.CONFIDENCE && shot.confidence() == null ? withoutValue : withValue).add(shot);
        }
        withValue.addAll(withoutValue);
        return withValue;
    }

    /** Runs the task on this many threads released at the same moment; answers in thread order. */
    private static <T> List<T> runTogether(int threads, Function<Integer, T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int worker = i;
                Callable<T> call = () -> {
                    start.await();
                    return task.apply(worker);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get(30, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private ShotRecord findByContent(String shotCode) {
        return store.findByContent(contentHash(shotCode), ANALYZER, MODEL).orElseThrow();
    }

    private static ShotQuery query(ShotStatus status, String difficulty, String text) {
        return new ShotQuery(status, difficulty, text, 0, 50, ShotQuery.Sort.CREATED_AT, true);
    }

    private static List<UUID> ids(ShotPage page) {
        return ids(page.items());
    }

    private static List<UUID> ids(List<ShotRecord> shots) {
        return shots.stream().map(ShotRecord::id).toList();
    }

    private static NewShot newShot(String shotCode) {
        return new NewShot(UUID.randomUUID(), shotCode, "/plates/" + shotCode + ".mov", "upload",
                contentHash(shotCode), ANALYZER, MODEL);
    }

    private static String contentHash(String shotCode) {
        return String.format("%064x", Math.abs((long) shotCode.hashCode()));
    }

    private static ShotResult result(String difficulty, double confidence) {
        return new ShotResult(difficulty, confidence, reportJson(difficulty), JPEG);
    }

    private static String reportJson(String difficulty) {
        return "{\"difficulty\":\"" + difficulty + "\",\"frame_count\":48}";
    }
}
