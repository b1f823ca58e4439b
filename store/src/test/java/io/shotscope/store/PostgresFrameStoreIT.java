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

/** The filmstrip store contract on the PostgreSQL server at 127.0.0.1:5432, one schema per database handed out. */
class PostgresFrameStoreIT extends FrameStoreContract {

    private final List<String> schemas = new ArrayList<>();

    @Override
    protected DataSource newEmptyDatabase() throws SQLException {
        ExternalServices.requirePostgres();
        String schema = "shotscope_frames_it_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + schema);
        schemas.add(schema);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(ExternalServices.POSTGRES_URL);
        dataSource.setUser(ExternalServices.POSTGRES_USER);
        dataSource.setCurrentSchema(schema);
        return dataSource;
    }

    @Override
    protected void dropDatabases() throws SQLException {
        for (String schema : schemas) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
        schemas.clear();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(ExternalServices.POSTGRES_URL,
                ExternalServices.POSTGRES_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
