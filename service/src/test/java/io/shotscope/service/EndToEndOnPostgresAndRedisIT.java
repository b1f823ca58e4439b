package io.shotscope.service;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every end-to-end test again, with the production back ends: shots and JobRunr's jobs in the real
 * PostgreSQL (a fresh schema, dropped afterwards) and results cached in the real Redis (a key prefix
 * of its own).
 */
@ExtendWith(EndToEndOnPostgresAndRedisIT.DropSchemaAfterTheService.class)
class EndToEndOnPostgresAndRedisIT extends EndToEndIT {

    static final String SCHEMA = "shotscope_e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @BeforeAll
    static void realServers() throws SQLException {
        RequiredServers.requirePostgres();
        RequiredServers.requireRedis();
        sql("CREATE SCHEMA " + SCHEMA);
    }

    @DynamicPropertySource
    static void productionBackEnds(DynamicPropertyRegistry registry) {
        registry.add("shotscope.db.url", () -> RequiredServers.POSTGRES_URL + "?currentSchema=" + SCHEMA);
        registry.add("shotscope.db.user", () -> RequiredServers.POSTGRES_USER);
        registry.add("shotscope.redis.url", () -> "redis://" + RequiredServers.HOST + ":" + RequiredServers.REDIS_PORT);
        registry.add("shotscope.redis.key-prefix", () -> SCHEMA + ":");
    }

    @Override
    String expectedCacheKind() {
        return "redis";
    }

    @Override
    String expectedDatabase() {
        return "PostgreSQL";
    }

    /** Drops the schema once the service has stopped (registered before Spring's extension). */
    static final class DropSchemaAfterTheService implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) throws SQLException {
            sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(RequiredServers.POSTGRES_URL, RequiredServers.POSTGRES_USER, "");
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
