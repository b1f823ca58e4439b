package io.shotscope.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shotscope.testsupport.HostileInputs;
import io.shotscope.testsupport.HostileInputs.Hostile;
import io.shotscope.testsupport.HostileInputs.Outcome;
import io.shotscope.testsupport.SyntheticPlates;
import io.shotscope.testsupport.SyntheticPlates.MovieFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hostile-input corpus through the running service: uploaded, named by analyze-path and dropped in
 * the watch folder. Each input is refused (4xx with a one-line reason) or its job ends FAILED with a
 * one-line reason (the borderline ones may end DONE); /health stays 200 throughout; a valid plate
 * submitted alongside still ends DONE; nothing is left of a refused upload.
 */
@SpringBootTest(classes = ShotscopeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class HostileCorpusIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path root;
    static Path corpusDir;
    static List<Hostile> corpus;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.fastAnalysis(registry, root);
        registry.add("shotscope.dashboard.enabled", () -> false);
        registry.add("shotscope.analyze-path.roots", () -> root.resolve("corpus") + "," + root.resolve("valid"));
    }

    @BeforeAll
    static void writeCorpus() throws IOException {
        corpusDir = Files.createDirectories(root.resolve("corpus"));
        corpus = HostileInputs.write(corpusDir);
        Files.createDirectories(root.resolve("valid"));
        Files.createDirectories(root.resolve("drop"));
    }

    ApiClient api() {
        return new ApiClient(port);
    }

    /** A small valid plate whose content no other test uses (so it is really analysed, not answered from a cache). */
    static Path validPlate(String name, int frames) {
        return SyntheticPlates.movie(root.resolve("valid").resolve(name), MovieFormat.MP4_MPEG4, 160, 96,
                frames, 24, java.util.Map.of());
    }

    @Test
    void everyHostileUploadIsRefusedOrFailsCleanlyWhileAValidUploadCompletes() throws IOException {
        ApiClient.Response valid = api().upload(validPlate("valid-upload.mp4", 25), "valid-upload.mp4");
        assertEquals(202, valid.status(), valid.text());

        Set<String> accepted = new HashSet<>();
        for (Hostile hostile : corpus) {
            if (hostile.file() == null) {
                continue;
            }
            ApiClient.Response response = uploadNamed(hostile.file(), hostile.file().getFileName().toString());
            accepted.addAll(assertRefusedOrFinishesCleanly(hostile, response));
            assertHealthy();
        }
        for (String name : HostileInputs.hostileUploadNames()) {
            ApiClient.Response response = uploadNamed(corpusDir.resolve("notes.mov"), name);
            assertTrue(response.status() == 422 || response.status() == 400, name + ": " + response.text());
            assertOneLineDetail(response);
        }
        assertEquals("DONE", api().awaitFinished(valid.shotId()).path("status").asText(),
                "the valid upload completes");
        accepted.add(valid.shotId());
        assertUploadsHoldOnly(accepted);
    }

    @Test
    void everyHostilePathIsRefusedOrFailsCleanlyWhileAValidPathCompletes() throws IOException {
        Path validPlate = validPlate("valid-path.mp4", 27);
        ApiClient.Response valid = analyzePath(validPlate.toString());
        assertEquals(202, valid.status(), valid.text());

        for (Hostile hostile : corpus) {
            assertRefusedOrFinishesCleanly(hostile, analyzePath(hostile.input()));
            assertHealthy();
        }
        Path escape = Files.createSymbolicLink(corpusDir.resolve("escape"), Path.of("/etc"));
        for (String outside : List.of(corpusDir + "/../../../../etc/hostname", escape + "/hostname", "/etc/hostname",
                "/dev/zero", "/proc/self/environ")) {
            ApiClient.Response response = analyzePath(outside);
            assertEquals(403, response.status(), outside + ": " + response.text());
            assertOneLineDetail(response);
        }
        for (String malformed : List.of(corpusDir + "/nul\u0000byte.mp4", corpusDir + "/new\nline.mp4")) {
            ApiClient.Response response = analyzePath(malformed);
            assertTrue(response.status() == 400 || response.status() == 422, malformed + ": " + response.text());
            assertOneLineDetail(response);
        }
        assertEquals("DONE", api().awaitFinished(valid.shotId()).path("status").asText(), "the valid plate completes");
    }

    @Test
    void theDropFolderSurvivesTheCorpusASymlinkLoopAndAFifo() throws Exception {
        Path drop = root.resolve("drop").resolve("hostile");
        Files.createDirectories(drop);
        Files.createSymbolicLink(drop.resolve("loop"), drop);
        Files.createSymbolicLink(drop.resolve("self.mp4"), Path.of("self.mp4"));
        new ProcessBuilder("mkfifo", drop.resolve("fifo.mp4").toString()).start().waitFor();
        List<String> dropped = new ArrayList<>();
        for (Hostile hostile : corpus) {
            if (hostile.file() != null) {
                String original = hostile.file().getFileName().toString().replace("\n", "_");
                String name = "hostile_" + dropped.size() + "_" + original.substring(Math.max(0, original.length() - 200));
                Path partial = drop.resolve(name + ".part");
                Files.copy(hostile.file(), partial);
                Files.move(partial, drop.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                dropped.add(name);
            }
        }
        Path valid = validPlate("valid-drop.mp4", 29);
        Files.copy(valid, root.resolve("drop").resolve("SQ900_SH0010.mp4"));

        String validId = awaitShot("SQ900_SH0010");
        assertEquals("DONE", api().awaitFinished(validId).path("status").asText(), "the valid dropped plate completes");
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline) && unfinished("hostile_") > 0) {
            ApiClient.sleep(Duration.ofSeconds(1));
        }
        assertEquals(0, unfinished("hostile_"), "every dropped shot ends DONE or FAILED");
        JsonNode page = api().get("/api/v1/shots?text=hostile_&size=200").json();
        for (JsonNode shot : page.path("items")) {
            String name = shot.path("input").asText();
            if (shot.path("status").asText().equals("FAILED")) {
                String error = shot.path("error").asText();
                assertFalse(error.isBlank() || error.contains("\n") || error.contains("Exception"), name + ": " + error);
            }
        }
        JsonNode all = api().get("/api/v1/shots?size=200").json();
        for (JsonNode shot : all.path("items")) {
            String input = shot.path("input").asText();
            assertFalse(input.contains("loop") || input.endsWith("fifo.mp4") || input.endsWith("self.mp4"),
                    "links and FIFOs are never taken: " + input);
        }
        assertHealthy();
    }

    // ---------------------------------------------------------------- assertions

    /** The shots the response created and kept (so their upload folder may exist). */
    private Set<String> assertRefusedOrFinishesCleanly(Hostile hostile, ApiClient.Response response) {
        int status = response.status();
        if (status >= 400 && status < 500) {
            assertOneLineDetail(response);
            return Set.of();
        }
        assertTrue(status == 201 || status == 202, hostile + ": " + status + " " + response.text());
        JsonNode shot = api().awaitFinished(response.shotId());
        String outcome = shot.path("status").asText();
        if (outcome.equals("FAILED")) {
            String error = shot.path("error").asText();
            assertFalse(error.isBlank() || error.contains("\n") || error.contains("Exception"), hostile + ": " + error);
            assertTrue(shot.path("report").isMissingNode() || shot.path("report").isNull(),
                    hostile + ": no result stored for a failed shot");
        } else {
            assertEquals(Outcome.ANALYSED_OR_REFUSED, hostile.outcome(), hostile + " must not be analysed: " + shot);
            assertEquals("DONE", outcome, hostile + ": " + shot);
        }
        return Set.of(response.shotId());
    }

    private static void assertOneLineDetail(ApiClient.Response response) {
        String detail = response.json().path("detail").asText();
        assertFalse(detail.isBlank(), response.text());
        assertFalse(detail.contains("\n") || detail.contains("\r") || detail.contains("\u0000"), detail);
        assertFalse(detail.contains("Exception") || detail.contains("\tat "), detail);
    }

    private void assertHealthy() {
        assertEquals(200, api().get("/health").status(), "/health");
    }

    /** Nothing of a refused upload is left: an upload folder exists only for a shot that was kept. */
    private static void assertUploadsHoldOnly(Set<String> shotIds) throws IOException {
        Path uploads = root.resolve("data").resolve("uploads");
        try (Stream<Path> dirs = Files.list(uploads)) {
            for (Path dir : dirs.toList()) {
                String name = dir.getFileName().toString();
                if (name.equals(".incoming")) {
                    continue;
                }
                assertTrue(shotIds.contains(name), "upload folder of a refused upload left behind: " + name);
            }
        }
    }

    private long unfinished(String text) {
        JsonNode page = api().get("/api/v1/shots?text=" + text + "&size=200").json();
        long n = 0;
        for (JsonNode shot : page.path("items")) {
            String status = shot.path("status").asText();
            if (!status.equals("DONE") && !status.equals("FAILED")) {
                n++;
            }
        }
        return n;
    }

    private String awaitShot(String text) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            JsonNode page = api().get("/api/v1/shots?text=" + text).json();
            if (page.path("total").asInt() > 0) {
                return page.path("items").get(0).path("id").asText();
            }
            ApiClient.sleep(Duration.ofMillis(500));
        }
        throw new AssertionError("the drop folder never submitted " + text);
    }

    // ---------------------------------------------------------------- requests

    private ApiClient.Response analyzePath(String path) {
        try {
            return api().postJson("/api/v1/shots/analyze-path", JSON.writeValueAsString(java.util.Map.of("path", path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An upload whose file name goes as RFC 5987 {@code filename*} (percent-encoded UTF-8), so names with
     * control characters reach the service as a client could send them.
     */
    private ApiClient.Response uploadNamed(Path file, String fileName) {
        String boundary = "hostile-" + UUID.randomUUID();
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename*=UTF-8''"
                + encoded + "\r\nContent-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/shots"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Authorization", "Bearer " + api().token(TestSettings.ADMIN))
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head),
                            HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofString(tail)))
                    .build();
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofByteArray());
            return new ApiClient.Response(response.statusCode(), response.headers().firstValue("Content-Type"),
                    response.headers().firstValue("Location"), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
