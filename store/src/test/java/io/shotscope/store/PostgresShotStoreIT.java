package io.shotscope.store;

import java.sql.SQLException;
import javax.sql.DataSource;

/** The shot store contract on the PostgreSQL server (a schema of its own per database handed out). */
class PostgresShotStoreIT extends ShotStoreContract {

    private final PostgresSchemas schemas = new PostgresSchemas("shotscope_it_");

    @Override
    protected DataSource newEmptyDatabase() throws SQLException {
        return schemas.newSchema();
    }

    @Override
    protected void dropDatabases() throws SQLException {
        schemas.dropAll();
    }

    @Override
    protected Class<? extends JdbcShotStore> expectedStoreClass() {
        return PostgresShotStore.class;
    }
}
