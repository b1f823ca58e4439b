package io.shotscope.store;

import java.sql.SQLException;
import javax.sql.DataSource;

/** The filmstrip store contract on the PostgreSQL server (a schema of its own per database handed out). */
class PostgresFrameStoreIT extends FrameStoreContract {

    private final PostgresSchemas schemas = new PostgresSchemas("shotscope_frames_it_");

    @Override
    protected DataSource newEmptyDatabase() throws SQLException {
        return schemas.newSchema();
    }

    @Override
    protected void dropDatabases() throws SQLException {
        schemas.dropAll();
    }
}
