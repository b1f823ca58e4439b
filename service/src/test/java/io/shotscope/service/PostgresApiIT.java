package io.shotscope.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.shotscope.testsupport.SharedClips;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The main API flows with the shots and JobRunr's jobs in the real PostgreSQL (a fresh schema per run,
 * dropped afterwards), configured the production way: shotscope.db.url (SHOTSCOPE_DB_URL).
 */
@ExtendWith(PostgresApiIT.DropSchemaAfterTheService.class)
@SpringBootTest(classes = ShotscopeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@DirtiesContext
class PostgresApiIT {

    static final String SCHEMA = "shotscope_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    static final String CLIP = "asl-school.mkv";

    @TempDir
    static Path root;

    @LocalServerPort
    int port;

    @BeforeAll
    static void freshSchema() throws SQLException {
        RequiredServers.requirePostgres();
        sql("CREATE SCHEMA " + SCHEMA);
    }

    /**
     * Drops the run's schema once the service is stopped (its job server polls the schema): registered
     * before Spring's extension, so its afterAll runs after @DirtiesContext has closed the context.
     */
    static final class DropSchemaAfterTheService implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) throws SQLException {
            sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.fastAnalysis(registry, root);
        registry.add("shotscope.db.url", () -> RequiredServers.POSTGRES_URL + "?currentSchema=" + SCHEMA);
        registry.add("shotscope.db.user", () -> RequiredServers.POSTGRES_USER);
        registry.add("shotscope.dashboard.enabled", () -> false);
    }

    @Test
    void anUploadIsAnalysedStoredInPostgresAndIdenticalContentAnsweredFromIt() throws SQLException {
        ApiClient api = new ApiClient(port);
        ApiClient.Response submitted = api.upload(SharedClips.clip(CLIP), "SQ050_SH0100.mkv");
        assertEquals(202, submitted.status(), submitted.text());

        JsonNode shot = api.awaitFinished(submitted.shotId());

        assertEquals("DONE", shot.path("status").asText(), shot.toString());
        assertEquals(TestSettings.MAX_FRAMES, shot.path("report").path("frames_analysed").asInt());
        assertEquals("DONE", sqlText("SELECT status FROM " + SCHEMA + ".shots WHERE id = '" + submitted.shotId() + "'"));
        assertTrue(Integer.parseInt(sqlText("SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
                + SCHEMA + "' AND table_name LIKE 'jobrunr_%'")) > 0, "JobRunr's tables are in the same schema");

        ApiClient.Response again = api.upload(SharedClips.clip(CLIP), "SQ050_SH0110.mkv");
        assertEquals(201, again.status(), again.text());
        assertEquals(shot.path("report").path("complexity_scores"),
                api.get("/api/v1/shots/" + again.shotId()).json().path("report").path("complexity_scores"));

        JsonNode list = api.get("/api/v1/shots?status=DONE&text=sq050&sort=shot_code,asc").json();
        assertEquals(2, list.path("total").asInt());
        assertEquals("SQ050_SH0100", list.path("items").get(0).path("shot_code").asText());
        assertTrue(api.get("/api/v1/shots/export.csv").text().contains("\r\nSQ050,SH0110,"));
        assertEquals(200, api.get("/api/v1/shots/" + submitted.shotId() + "/frames").status());
        assertEquals("image/jpeg", api.get("/api/v1/shots/" + submitted.shotId() + "/thumbnail").contentType()
                .orElse(""));

        assertEquals(204, api.delete("/api/v1/shots/" + again.shotId()).status());
        assertEquals(404, api.get("/api/v1/shots/" + again.shotId()).status());
        assertEquals(400, api.get("/api/v1/shots/not-an-id").status());
    }

    @Test
    void readinessReportsPostgres() {
        JsonNode ready = new ApiClient(port).get("/ready").json();
        assertEquals("UP", ready.path("status").asText(), ready.toString());
        assertEquals("PostgreSQL", ready.path("components").path("db").path("details").path("database").asText());
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(RequiredServers.POSTGRES_URL, RequiredServers.POSTGRES_USER, "");
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static String sqlText(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(RequiredServers.POSTGRES_URL, RequiredServers.POSTGRES_USER, "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1).toUpperCase(Locale.ROOT);
        }
    }
}
