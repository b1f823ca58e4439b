package io.shotscope.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Empty databases on the PostgreSQL server at 127.0.0.1:5432 (database test, user postgres) for the
 * contract suites: each one a schema of its own, created on demand and dropped by {@link #dropAll()}.
 */
final class PostgresSchemas {

    private final String prefix;
    private final List<String> created = new ArrayList<>();

    PostgresSchemas(String prefix) {
        this.prefix = prefix;
    }

    /** A new empty schema, as a data source whose connections use it; skips the test when the server is down. */
    DataSource newSchema() throws SQLException {
        ExternalServices.requirePostgres();
        String schema = prefix + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + schema);
        created.add(schema);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(ExternalServices.POSTGRES_URL);
        dataSource.setUser(ExternalServices.POSTGRES_USER);
        dataSource.setCurrentSchema(schema);
        return dataSource;
    }

    /** Drops every schema made so far. */
    void dropAll() throws SQLException {
        for (String schema : created) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
        created.clear();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(ExternalServices.POSTGRES_URL,
                ExternalServices.POSTGRES_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
