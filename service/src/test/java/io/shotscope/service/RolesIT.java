package io.shotscope.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.shotscope.jobs.JobMetrics;
import io.shotscope.testsupport.SharedClips;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jobrunr.server.BackgroundJobServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An API-only process ({@code serve --no-worker}) and a worker-only process ({@code serve --worker}) on
 * one database: the API queues, the worker analyses, and each refuses the other's part.
 */
@ExtendWith(OutputCaptureExtension.class)
class RolesIT {

    static final String CLIP = "asl-again.mkv";
    static final String DROPPED_WHILE_DOWN = "asl-school.mkv";
    static final String DROPPED_CODE = "SQ080_SH0010";

    @TempDir
    static Path root;
    static ConfigurableApplicationContext apiProcess;
    static ConfigurableApplicationContext workerProcess;

    @BeforeAll
    static void startBothRoles() throws IOException {
        Files.createDirectories(root.resolve("drop"));
        Files.copy(SharedClips.clip(DROPPED_WHILE_DOWN), root.resolve("drop").resolve(DROPPED_CODE + ".mkv"));
        apiProcess = start("api", "--shotscope.dashboard.enabled=false");
        workerProcess = start("worker", "--shotscope.dashboard.port=" + TestSettings.freePort());
    }

    @AfterAll
    static void stopBoth() {
        if (workerProcess != null) {
            workerProcess.close();
        }
        if (apiProcess != null) {
            apiProcess.close();
        }
    }

    /** One process as ServeCommand starts it: same data folder, so the same embedded database. */
    private static ConfigurableApplicationContext start(String role, String... more) {
        List<String> args = new ArrayList<>(List.of("--shotscope.role=" + role, "--server.port=0",
                "--shotscope.data.dir=" + root.resolve("data"), "--shotscope.watch.dir=" + root.resolve("drop"),
                "--shotscope.analysis.max-frames=" + TestSettings.MAX_FRAMES, "--shotscope.analysis.threads=2",
                "--shotscope.jobs.poll-interval=5s", "--shotscope.watch.settle=1s",
                "--shotscope.watch.interval=300ms"));
        args.addAll(TestSettings.userArguments());
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(ShotscopeApplication.class).run(args.toArray(String[]::new));
    }

    private static ApiClient client(ConfigurableApplicationContext process) {
        return new ApiClient(((WebServerApplicationContext) process).getWebServer().getPort());
    }

    @Test
    void theApiProcessQueuesAndTheWorkerProcessAnalyses() {
        ApiClient api = client(apiProcess);
        ApiClient.Response submitted = api.upload(SharedClips.clip(CLIP), "SQ070_SH0010.mkv");
        assertEquals(202, submitted.status(), submitted.text());

        JsonNode shot = api.awaitFinished(submitted.shotId());

        assertEquals("DONE", shot.path("status").asText(), shot.toString());
        assertEquals(0.0, apiProcess.getBean(JobMetrics.class).framesAnalysed(), "the API process analysed nothing");
        assertTrue(workerProcess.getBean(JobMetrics.class).framesAnalysed() >= TestSettings.MAX_FRAMES);
    }

    @Test
    void aPlateDroppedWhileTheServiceWasDownIsTakenAtStartAndNotAgainAfterARestart(CapturedOutput log) {
        JsonNode shot = client(apiProcess).awaitFinished(awaitDropped());
        assertEquals("DONE", shot.path("status").asText(), shot.toString());

        apiProcess.close();
        apiProcess = start("api", "--shotscope.dashboard.enabled=false");
        for (int i = 0; i < 100 && !log.getOut().contains(DROPPED_CODE + ".mkv was submitted before as shot"); i++) {
            ApiClient.sleep(Duration.ofMillis(100));
        }
        assertTrue(log.getOut().contains(DROPPED_CODE + ".mkv was submitted before as shot"),
                "the restarted process saw the plate again and recognised its content");

        JsonNode found = client(apiProcess).get("/api/v1/shots?text=" + DROPPED_CODE).json();
        assertEquals(1, found.path("total").asInt(), "the same content is not submitted twice: " + found);
    }

    private static String awaitDropped() {
        for (int i = 0; i < 120; i++) {
            JsonNode page = client(apiProcess).get("/api/v1/shots?text=" + DROPPED_CODE).json();
            if (page.path("total").asInt() > 0) {
                return page.path("items").get(0).path("id").asText();
            }
            ApiClient.sleep(Duration.ofMillis(500));
        }
        throw new AssertionError("the drop folder never submitted " + DROPPED_CODE);
    }

    @Test
    void onlyTheWorkerProcessRunsAJobServer() {
        assertNull(apiProcess.getBeanProvider(BackgroundJobServer.class).getIfAvailable());
        assertTrue(workerProcess.getBean(BackgroundJobServer.class).isRunning());
    }

    @Test
    void theWorkerProcessRefusesTheApiButAnswersHealthReadinessAndMetrics() {
        // a worker has no sign-in (its /api answers 503 to everyone)
        ApiClient worker = ApiClient.anonymous(((WebServerApplicationContext) workerProcess).getWebServer().getPort());

        ApiClient.Response api = worker.get("/api/v1/shots");
        assertEquals(503, api.status(), api.text());
        assertEquals("application/problem+json", api.contentType().orElse(""));
        assertTrue(api.json().path("detail").asText().contains("--worker"), api.text());
        assertEquals(503, worker.postJson("/api/v1/shots/analyze-path", "{\"path\": \"/x.mov\"}").status());
        assertEquals(404, worker.get("/docs/openapi.json").status());

        assertEquals(200, worker.get("/health").status());
        assertEquals("UP", worker.get("/ready").json().path("status").asText());
        assertTrue(worker.get("/metrics").text().contains("shotscope_jobs{"));
    }
}
