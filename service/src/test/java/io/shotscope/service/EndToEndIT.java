package io.shotscope.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shotscope.jobs.JobMetrics;
import io.shotscope.jobs.KnownResults;
import io.shotscope.jobs.LoopbackJobDashboard;
import io.shotscope.metrics.MetricRegistry;
import io.shotscope.store.ResultCache;
import io.shotscope.testsupport.SharedClips;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on its embedded defaults (H2 in a temporary data folder, in-process cache): a clip
 * dropped in the watch folder and one uploaded over HTTP come back analysed through the API, and every
 * endpoint answers as documented. One application context for the whole class.
 */
@SpringBootTest(classes = ShotscopeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class EndToEndIT {

    static final String DROPPED_CLIP = "asl-again.mkv";
    static final String UPLOADED_CLIP = "asl-thanks.mkv";
    static final String DROPPED_CODE = "SQ010_SH0040";
    static final long UPLOAD_LIMIT_BYTES = 1024 * 1024;

    @TempDir
    static Path root;
    static int dashboardPort;
    static JsonNode dropped;
    static JsonNode uploaded;

    @LocalServerPort
    int port;
    @Autowired
    StorageProvider jobStorage;
    @Autowired
    JobMetrics metrics;
    @Autowired
    LoopbackJobDashboard dashboard;
    @Autowired
    io.shotscope.store.ShotStore store;
    @Autowired
    io.shotscope.jobs.QueuedShotSweeper sweeper;
    @Autowired
    io.shotscope.jobs.ShotJobs shotJobs;
    @Autowired
    ResultCache resultCache;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.fastAnalysis(registry, root);
        dashboardPort = TestSettings.freePort();
        registry.add("shotscope.dashboard.port", () -> dashboardPort);
        registry.add("shotscope.upload.limit", () -> UPLOAD_LIMIT_BYTES + "B");
        registry.add("shotscope.analyze-path.roots", () -> SharedClips.dir() + "," + root.resolve("drop"));
    }

    /** Each test class (this one and its subclasses) starts with no shot submitted. */
    @org.junit.jupiter.api.BeforeAll
    static void noShotsYet() {
        dropped = null;
        uploaded = null;
    }

    /** The cache the service should report in /ready. */
    String expectedCacheKind() {
        return "caffeine";
    }

    /** The database the service should report in /ready. */
    String expectedDatabase() {
        return "H2";
    }

    ApiClient api() {
        return new ApiClient(port);
    }

    /** The clip dropped into the watch folder (copied under a temporary name, then renamed), once DONE. */
    synchronized JsonNode droppedShot() throws IOException {
        if (dropped == null) {
            Path drop = root.resolve("drop");
            Files.createDirectories(drop);
            Path partial = drop.resolve(DROPPED_CODE + ".mkv.part");
            Files.copy(SharedClips.clip(DROPPED_CLIP), partial);
            Files.move(partial, drop.resolve(DROPPED_CODE + ".mkv"), StandardCopyOption.ATOMIC_MOVE);
            String id = awaitShotFromDropFolder(DROPPED_CODE);
            dropped = api().awaitFinished(id);
        }
        return dropped;
    }

    /** The clip uploaded over HTTP, once DONE. */
    synchronized JsonNode uploadedShot() {
        if (uploaded == null) {
            ApiClient.Response response = api().upload(SharedClips.clip(UPLOADED_CLIP), UPLOADED_CLIP);
            assertEquals(202, response.status(), response.text());
            assertEquals("QUEUED", response.json().path("status").asText());
            uploaded = api().awaitFinished(response.shotId());
        }
        return uploaded;
    }

    private String awaitShotFromDropFolder(String shotCode) {
        for (int i = 0; i < 120; i++) {
            JsonNode page = api().get("/api/v1/shots?text=" + shotCode).json();
            if (page.path("total").asInt() > 0) {
                return page.path("items").get(0).path("id").asText();
            }
            ApiClient.sleep(java.time.Duration.ofMillis(500));
        }
        throw new AssertionError("the drop folder never submitted " + shotCode);
    }

    @Test
    void aClipDroppedInTheWatchFolderIsAnalysedAndRatedThroughTheApi() throws IOException {
        JsonNode shot = droppedShot();
        assertEquals("DONE", shot.path("status").asText(), shot.toString());
        assertEquals("watch", shot.path("source").asText());
        assertEquals(DROPPED_CODE, shot.path("shot_code").asText());
        assertTrue(List.of("Easy", "Medium", "Hard").contains(shot.path("class").asText()), shot.toString());
        JsonNode report = shot.path("report");
        assertEquals(TestSettings.MAX_FRAMES, report.path("frames_analysed").asInt());
        assertEquals(shot.path("class").asText(), report.path("prediction").path("class").asText());
        assertEquals(MetricRegistry.keys().size(), report.path("complexity_scores").size());
    }

    @Test
    void aClipUploadedOverHttpIsAnalysedAndRatedThroughTheApi() {
        JsonNode shot = uploadedShot();
        assertEquals("DONE", shot.path("status").asText(), shot.toString());
        assertEquals("upload", shot.path("source").asText());
        assertEquals("asl-thanks", shot.path("shot_code").asText());
        assertTrue(shot.path("input").asText().startsWith(root.resolve("data").resolve("uploads").toString()));
        assertTrue(shot.path("report").path("prediction").has("confidence"), shot.toString());
        assertEquals(1, shot.path("attempts").asInt());
    }

    @Test
    void identicalContentIsAnsweredFromTheCacheWithoutANewJob() {
        JsonNode first = uploadedShot();
        long jobsBefore = jobStorage.getJobStats().getTotal();
        double framesBefore = metrics.framesAnalysed();

        ApiClient.Response again = api().upload(SharedClips.clip(UPLOADED_CLIP), "SQ030_SH0010.mkv");

        assertEquals(201, again.status(), again.text());
        JsonNode copy = api().get("/api/v1/shots/" + again.shotId()).json();
        assertEquals("DONE", copy.path("status").asText());
        assertFalse(first.path("id").asText().equals(copy.path("id").asText()));
        assertEquals("SQ030_SH0010", copy.path("shot_code").asText());
        assertEquals("SQ030_SH0010", copy.path("report").path("stem").asText());
        assertEquals(first.path("report").path("complexity_scores"), copy.path("report").path("complexity_scores"));
        assertEquals(0, copy.path("attempts").asInt(), "no worker touched it");
        assertEquals(jobsBefore, jobStorage.getJobStats().getTotal(), "no job was enqueued");
        assertEquals(framesBefore, metrics.framesAnalysed(), "no frame was analysed again");
        assertEquals(200, api().get("/api/v1/shots/" + again.shotId() + "/thumbnail").status());
        JsonNode filmstrip = api().get("/api/v1/shots/" + again.shotId() + "/filmstrip").json();
        assertEquals(api().get("/api/v1/shots/" + first.path("id").asText() + "/filmstrip").json()
                .path("frame_numbers"), filmstrip.path("frame_numbers"), "the filmstrip is copied too");
        assertTrue(filmstrip.path("frame_numbers").size() > 0, filmstrip.toString());
    }

    @Test
    void aCachedReportWithoutFactorLevelsIsNotCopiedToANewShot() {
        assertAStaleCachedReportIsNotCopied("level", "SQ040_SH0010.mkv");
    }

    @Test
    void aCachedReportExplainingTheClassRatherThanTheDaysIsNotCopiedToANewShot() {
        assertAStaleCachedReportIsNotCopied("days", "SQ040_SH0020.mkv");
    }

    /** A cached report whose factors lack {@code field} (written by an earlier version) is not what a new shot gets. */
    private void assertAStaleCachedReportIsNotCopied(String field, String name) {
        JsonNode first = uploadedShot();
        ResultCache.CacheKey key = KnownResults.key(first.path("content_hash").asText(),
                first.path("analyzer_version").asText(), first.path("model_version").asText());
        ObjectNode stale = first.path("report").deepCopy();
        assertTrue(stale.path("explanation").size() > 0, "the default model explains its days: " + stale);
        stale.path("explanation").forEach(factor -> ((ObjectNode) factor).remove(field));
        resultCache.put(key, stale.toString());

        ApiClient.Response again = api().upload(SharedClips.clip(UPLOADED_CLIP), name);

        assertEquals(201, again.status(), again.text());
        JsonNode copy = api().get("/api/v1/shots/" + again.shotId()).json();
        copy.path("report").path("explanation").forEach(factor -> assertTrue(factor.hasNonNull(field),
                "copied from the finished shot, not from the report written without " + field + ": " + factor));
        assertTrue(resultCache.get(key).orElseThrow().contains("\"" + field + "\""),
                "the cache holds the current report");
    }

    @Test
    void analysedContentDroppedUnderAnotherNameBecomesItsOwnShotAnsweredAtOnce() throws IOException {
        JsonNode first = uploadedShot();
        Path drop = root.resolve("drop");
        Files.createDirectories(drop);
        Files.copy(SharedClips.clip(UPLOADED_CLIP), drop.resolve("SQ040_SH0010.mkv"));

        JsonNode shot = api().awaitFinished(awaitShotFromDropFolder("SQ040_SH0010"));

        assertEquals("DONE", shot.path("status").asText(), shot.toString());
        assertEquals("watch", shot.path("source").asText());
        assertEquals(0, shot.path("attempts").asInt(), "answered without a job");
        assertEquals(first.path("report").path("complexity_scores"), shot.path("report").path("complexity_scores"));
    }

    @Test
    void aShotLeftQueuedWithoutAJobIsSweptIntoTheQueueAndAnalysedOnce() {
        String modelVersion = uploadedShot().path("model_version").asText();
        Path clip = SharedClips.clip("asl-school.mkv");
        java.util.UUID id = java.util.UUID.randomUUID();
        // as if the process died after storing the shot and before enqueuing its job
        store.create(new io.shotscope.store.NewShot(id, "SQ090_SH0010", clip.toString(), "path",
                io.shotscope.analysis.ContentHash.sha256(List.of(clip)), io.shotscope.analysis.ShotAnalyzer.VERSION,
                modelVersion));
        org.junit.jupiter.api.Assertions.assertThrows(org.jobrunr.storage.JobNotFoundException.class,
                () -> jobStorage.getJobById(id), "no job yet");

        assertTrue(sweeper.sweep() >= 1);
        shotJobs.enqueue(id); // a second enqueue of the same shot is ignored by the queue

        JsonNode shot = api().awaitFinished(id.toString());
        assertEquals("DONE", shot.path("status").asText(), shot.toString());
        assertEquals(1, shot.path("attempts").asInt(), "the shot ran once: " + shot);
    }

    @Test
    void aTextFileNamedLikeAMovieIsRefusedWithItsReasonAndNothingKept() throws IOException {
        Path notes = root.resolve("notes.mov");
        Files.writeString(notes, "not a movie, just notes\n");

        ApiClient.Response response = api().upload(notes, "notes.mov");

        assertEquals(422, response.status(), response.text());
        assertEquals("application/problem+json", response.contentType().orElse(""));
        assertTrue(response.json().path("detail").asText().startsWith("notes.mov: "), response.text());
        try (Stream<Path> uploads = Files.list(root.resolve("data").resolve("uploads"))) {
            assertTrue(uploads.noneMatch(p -> Files.isDirectory(p) && containsFile(p, "notes.mov")));
        }
    }

    @Test
    void aTextFileDroppedAsAMovieFailsForGoodWithItsReasonLoggedAsJsonWithShotAndJobIds(CapturedOutput log)
            throws IOException {
        Path drop = root.resolve("drop");
        Files.createDirectories(drop);
        Files.writeString(drop.resolve("SQ020_SH0010.mov"), "not a movie\n");

        JsonNode shot = api().awaitFinished(awaitShotFromDropFolder("SQ020_SH0010"));

        assertEquals("FAILED", shot.path("status").asText(), shot.toString());
        assertFalse(shot.path("error").asText().isBlank());
        assertFalse(shot.path("error").asText().contains("\n"), "one line");
        assertEquals(1, shot.path("attempts").asInt(), "bad input is not retried");
        assertEquals(409, api().get("/api/v1/shots/" + shot.path("id").asText() + "/frames").status());
        String line = log.getOut().lines().filter(l -> l.contains("cannot be analysed")).findFirst()
                .orElseThrow(() -> new AssertionError("no log line of the failed job"));
        JsonNode logged = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
        assertEquals(shot.path("id").asText(), logged.path("shot_id").asText(), line);
        assertFalse(logged.path("job_id").asText().isBlank(), line);
        assertEquals("WARN", logged.path("log").path("level").asText(), line);
    }

    @Test
    void anUploadOverTheLimitIsRefusedAs413() throws IOException {
        Path big = root.resolve("big.mov");
        Files.write(big, new byte[(int) UPLOAD_LIMIT_BYTES + 4096]);

        ApiClient.Response response = api().upload(big, "big.mov");

        assertEquals(413, response.status(), response.text());
        assertTrue(response.json().path("detail").asText().contains("shotscope.upload.limit"), response.text());
    }

    @Test
    void listFiltersPagesAndSorts() throws IOException {
        droppedShot();
        uploadedShot();
        ApiClient api = api();

        JsonNode done = api.get("/api/v1/shots?status=done&sort=shot_code,asc&size=500").json();
        List<String> codes = new ArrayList<>();
        done.path("items").forEach(s -> codes.add(s.path("shot_code").asText()));
        List<String> sorted = new ArrayList<>(codes);
        Collections.sort(sorted);
        assertEquals(sorted, codes, "sorted by shot code");
        assertTrue(codes.containsAll(List.of(DROPPED_CODE, "asl-thanks")), codes.toString());
        done.path("items").forEach(s -> assertEquals("DONE", s.path("status").asText()));
        assertFalse(done.path("items").get(0).has("report"), "lists carry no reports");
        for (JsonNode item : done.path("items")) {
            assertEquals(TestSettings.MAX_FRAMES, item.path("frames").asInt(), item.toString());
            if (item.hasNonNull("class")) {
                assertTrue(item.path("days").isNumber() && item.path("days").asDouble() >= 0,
                        "the default model learned days, so a rated shot in the list has them: " + item);
                JsonNode top = item.path("top_factors");
                assertTrue(top.size() >= 1 && top.size() <= 3, item.toString());
                assertTrue(MetricRegistry.keys().contains(top.get(0).asText()), item.toString());
                JsonNode levels = item.path("top_factor_levels");
                assertEquals(top.size(), levels.size(), "one level per top factor: " + item);
                levels.forEach(level -> assertTrue(Set.of("high", "low").contains(level.asText()), item.toString()));
                JsonNode added = item.path("top_factor_days");
                assertEquals(top.size(), added.size(), "the default model says what each top factor adds: " + item);
                assertTrue(added.get(0).asDouble() != 0, item.toString());
            }
        }

        JsonNode firstPage = api.get("/api/v1/shots?status=DONE&size=1&page=0&sort=shot_code,asc").json();
        JsonNode secondPage = api.get("/api/v1/shots?status=DONE&size=1&page=1&sort=shot_code,asc").json();
        assertEquals(1, firstPage.path("items").size());
        assertEquals(codes.size(), firstPage.path("total").asInt());
        assertEquals(codes.get(1), secondPage.path("items").get(0).path("shot_code").asText());

        JsonNode byText = api.get("/api/v1/shots?text=sq010").json();
        assertEquals(DROPPED_CODE, byText.path("items").get(0).path("shot_code").asText());
        String rated = dropped.path("class").asText();
        api.get("/api/v1/shots?class=" + rated.toLowerCase()).json().path("items")
                .forEach(s -> assertEquals(rated, s.path("class").asText()));
        assertEquals(0, api.get("/api/v1/shots?status=RUNNING&text=no-such-shot").json().path("total").asInt());
    }

    @Test
    void badListParametersAreRefusedAs400WithWhatWasExpected() {
        for (String query : List.of("status=NOPE", "class=Impossible", "size=1000", "size=ten", "page=-1",
                "sort=colour", "sort=shot_code,sideways")) {
            ApiClient.Response response = api().get("/api/v1/shots?" + query);
            assertEquals(400, response.status(), query + ": " + response.text());
            assertEquals("application/problem+json", response.contentType().orElse(""), query);
            assertFalse(response.json().path("detail").asText().isBlank(), query);
        }
    }

    @Test
    void framesGiveEveryMetricsPerFrameSeries() throws IOException {
        String id = droppedShot().path("id").asText();

        JsonNode frames = api().get("/api/v1/shots/" + id + "/frames").json();

        assertEquals(TestSettings.MAX_FRAMES, frames.path("frame_numbers").size());
        assertEquals(MetricRegistry.keys().size(), frames.path("scores").size());
        for (String key : MetricRegistry.keys()) {
            assertEquals(TestSettings.MAX_FRAMES, frames.path("scores").path(key).size(), key);
        }
    }

    @Test
    void theThumbnailIsAJpegOfTheShot() throws IOException {
        String id = droppedShot().path("id").asText();

        ApiClient.Response response = api().get("/api/v1/shots/" + id + "/thumbnail");

        assertEquals(200, response.status());
        assertEquals("image/jpeg", response.contentType().orElse(""));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertNotNull(image, "decodes as an image");
        assertTrue(image.getWidth() > 64 && image.getHeight() > 36, image.getWidth() + "x" + image.getHeight());
    }

    @Test
    void theFilmstripHoldsFramesOfTheShotAsJpegs() throws IOException {
        JsonNode shot = droppedShot();
        String id = shot.path("id").asText();
        List<Integer> analysed = new ArrayList<>();
        shot.path("report").path("frame_numbers").forEach(n -> analysed.add(n.asInt()));

        JsonNode filmstrip = api().get("/api/v1/shots/" + id + "/filmstrip").json();

        JsonNode numbers = filmstrip.path("frame_numbers");
        assertTrue(numbers.size() >= 1 && numbers.size() <= 24, filmstrip.toString());
        assertEquals(numbers.size(), filmstrip.path("images").size(), filmstrip.toString());
        for (JsonNode number : numbers) {
            assertTrue(analysed.contains(number.asInt()), number + " is an analysed frame of " + analysed);
        }
        ApiClient.Response frame = api().get(filmstrip.path("images").get(numbers.size() - 1).asText());
        assertEquals(200, frame.status());
        assertEquals("image/jpeg", frame.contentType().orElse(""));
        assertNotNull(ImageIO.read(new ByteArrayInputStream(frame.body())), "decodes as an image");
        assertEquals(404, api().get("/api/v1/shots/" + id + "/filmstrip/999999.jpg").status());
        assertEquals(404, api().get("/api/v1/shots/3fa85f64-5717-4562-b3fc-2c963f66afa6/filmstrip").status());
    }

    @Test
    void aDeletedShotIsGone() {
        uploadedShot();
        ApiClient api = api();
        String id = api.upload(SharedClips.clip(UPLOADED_CLIP), "to-delete.mkv").shotId();
        Path uploadDir = root.resolve("data").resolve("uploads").resolve(id);
        assertTrue(Files.isDirectory(uploadDir));

        assertEquals(204, api.delete("/api/v1/shots/" + id).status());

        assertEquals(404, api.get("/api/v1/shots/" + id).status());
        assertEquals(404, api.delete("/api/v1/shots/" + id).status());
        assertFalse(Files.exists(uploadDir), "the uploaded file is deleted too");
    }

    @Test
    void unknownIdsAre404AndMalformedIds400() {
        ApiClient api = api();
        ApiClient.Response unknown = api.get("/api/v1/shots/3fa85f64-5717-4562-b3fc-2c963f66afa6");
        assertEquals(404, unknown.status());
        assertEquals("application/problem+json", unknown.contentType().orElse(""));
        assertTrue(unknown.json().path("detail").asText().contains("3fa85f64-5717-4562-b3fc-2c963f66afa6"));
        assertEquals(404, api.get("/api/v1/shots/3fa85f64-5717-4562-b3fc-2c963f66afa6/thumbnail").status());
        assertEquals(404, api.get("/api/v1/shots/3fa85f64-5717-4562-b3fc-2c963f66afa6/frames").status());

        ApiClient.Response malformed = api.get("/api/v1/shots/not-a-uuid");
        assertEquals(400, malformed.status());
        assertTrue(malformed.json().path("detail").asText().contains("not-a-uuid"), malformed.text());
        assertEquals(400, api.delete("/api/v1/shots/12345").status());
    }

    @Test
    void theCsvExportIsABidSheetWithOneRowPerFinishedShot() throws IOException {
        droppedShot();

        ApiClient.Response response = api().get("/api/v1/shots/export.csv");

        assertEquals(200, response.status());
        assertTrue(response.contentType().orElse("").startsWith("text/csv"));
        List<String> lines = response.text().lines().toList();
        assertEquals("Sequence,Shot,Frame In,Frame Out,Frames,FPS,Class,Confidence,Days,"
                + String.join(",", MetricRegistry.keys()) + ",Top Factors,Description", lines.get(0));
        String row = lines.stream().filter(l -> l.startsWith("SQ010,SH0040,")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + DROPPED_CODE + " in\n" + response.text()));
        assertTrue(row.startsWith("SQ010,SH0040,0," + (TestSettings.MAX_FRAMES - 1) + "," + TestSettings.MAX_FRAMES
                + ","), row);
        assertTrue(row.contains("," + dropped.path("class").asText() + ","), row);
        assertTrue(lines.stream().noneMatch(l -> l.contains("FAILED") || l.startsWith(",SQ020")),
                "only DONE shots by default");
    }

    @Test
    void analyzePathAcceptsPlatesUnderTheAllowedRoots() {
        uploadedShot();

        ApiClient.Response response = api().postJson("/api/v1/shots/analyze-path",
                "{\"path\": \"" + SharedClips.clip(UPLOADED_CLIP) + "\"}");

        assertEquals(201, response.status(), "same content as the upload: answered at once; " + response.text());
        JsonNode shot = api().get("/api/v1/shots/" + response.shotId()).json();
        assertEquals("path", shot.path("source").asText());
        assertEquals(SharedClips.clip(UPLOADED_CLIP).toString(), shot.path("input").asText());
        ApiClient.Response missing = api().postJson("/api/v1/shots/analyze-path",
                "{\"path\": \"" + SharedClips.dir().resolve("no-such-clip.mov") + "\"}");
        assertEquals(422, missing.status(), missing.text());
    }

    @Test
    void analyzePathRefusesPathsOutsideTheAllowedRootsAs403() {
        for (String path : List.of("/etc/passwd", SharedClips.dir() + "/../../../etc/passwd", "relative/../../x.mov")) {
            ApiClient.Response response = api().postJson("/api/v1/shots/analyze-path", "{\"path\": \"" + path + "\"}");
            assertEquals(403, response.status(), path + ": " + response.text());
            assertTrue(response.json().path("detail").asText().contains("outside"), response.text());
        }
        assertEquals(400, api().postJson("/api/v1/shots/analyze-path", "{}").status());
        assertEquals(400, api().postJson("/api/v1/shots/analyze-path", "not json").status());
    }

    @Test
    void theOpenApiDocumentListsEveryEndpointAndSwaggerUiIsAtDocs() {
        JsonNode paths = api().get("/docs/openapi.json").json().path("paths");
        assertTrue(paths.path("/api/v1/shots").has("get"));
        assertTrue(paths.path("/api/v1/shots").has("post"));
        assertTrue(paths.path("/api/v1/shots/analyze-path").has("post"));
        assertTrue(paths.path("/api/v1/shots/{id}").has("get"));
        assertTrue(paths.path("/api/v1/shots/{id}").has("delete"));
        assertTrue(paths.path("/api/v1/shots/{id}/frames").has("get"));
        assertTrue(paths.path("/api/v1/shots/{id}/thumbnail").has("get"));
        assertTrue(paths.path("/api/v1/shots/{id}/filmstrip").has("get"));
        assertTrue(paths.path("/api/v1/shots/{id}/filmstrip/{frame}.jpg").has("get"));
        assertTrue(paths.path("/api/v1/shots/export.csv").has("get"));
        assertTrue(paths.path("/api/v1/auth/token").has("post"));
        assertTrue(paths.path("/api/v1/keys").has("post"));
        assertTrue(paths.path("/api/v1/keys").has("get"));
        assertTrue(paths.path("/api/v1/keys/{id}").has("delete"));
        assertEquals(14, countOperations(paths), paths.toString());
        JsonNode shotView = api().get("/docs/openapi.json").json().path("components").path("schemas").path("ShotView");
        assertTrue(shotView.path("properties").has("shot_code"), "documented as served, in snake_case: " + shotView);
        assertTrue(shotView.path("properties").has("class"), shotView.toString());

        ApiClient.Response docs = api().get("/docs");
        assertEquals(302, docs.status(), "/docs leads to Swagger UI");
        ApiClient.Response ui = api().get(docs.location().orElseThrow());
        assertEquals(200, ui.status());
        assertTrue(ui.text().contains("swagger"), "Swagger UI's page");
    }

    @Test
    void healthReadinessAndPrometheusMetricsAnswer() throws IOException {
        droppedShot();
        ApiClient api = api();

        JsonNode health = api.get("/health").json();
        assertEquals("UP", health.path("status").asText());
        JsonNode ready = api.get("/ready").json();
        assertEquals("UP", ready.path("status").asText(), ready.toString());
        assertEquals("UP", ready.path("components").path("db").path("status").asText());
        assertEquals(expectedCacheKind(), ready.path("components").path("resultCache").path("details").path("kind")
                .asText());
        assertEquals(expectedDatabase(), ready.path("components").path("db").path("details").path("database").asText());
        assertTrue(ready.path("components").path("model").path("details").path("loaded").asBoolean(), ready.toString());

        String metrics = api.get("/metrics").text();
        for (String series : List.of("shotscope_jobs{status=\"queued\"}", "shotscope_jobs{status=\"running\"}",
                "shotscope_jobs{status=\"failed\"}", "shotscope_frames_analysed_total",
                "shotscope_analysis_duration_seconds_bucket", "shotscope_cache_requests_total{result=\"hit\"}",
                "shotscope_cache_requests_total{result=\"miss\"}", "http_server_requests_seconds_bucket")) {
            assertTrue(metrics.contains(series), series + " missing from /metrics");
        }
    }

    @Test
    void theJobDashboardAnswersOnTheLoopbackAddressOnly() throws IOException {
        assertEquals(dashboardPort, dashboard.port());
        ApiClient.Response page = ApiClient.anonymous(dashboardPort).get("/dashboard");
        assertEquals(200, page.status());
        assertTrue(page.text().toLowerCase().contains("<html"), "the dashboard's page");

        InetAddress outside = nonLoopbackAddress();
        if (outside != null) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(outside, dashboardPort), 1000);
                throw new AssertionError("the dashboard answered on " + outside);
            } catch (IOException expected) {
                // refused: it listens on 127.0.0.1 only
            }
        }
    }

    private static int countOperations(JsonNode paths) {
        int n = 0;
        for (JsonNode path : paths) {
            n += path.size();
        }
        return n;
    }

    private static boolean containsFile(Path dir, String name) {
        return Files.exists(dir.resolve(name));
    }

    private static InetAddress nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (!address.isLoopbackAddress() && address instanceof java.net.Inet4Address) {
                    return address;
                }
            }
        }
        return null;
    }
}
