package io.shotscope.store;

import java.sql.SQLException;
import javax.sql.DataSource;

/** The API key store contract on the PostgreSQL server (a schema of its own per database handed out). */
class PostgresApiKeyStoreIT extends ApiKeyStoreContract {

    private final PostgresSchemas schemas = new PostgresSchemas("shotscope_keys_it_");

    @Override
    protected DataSource newEmptyDatabase() throws SQLException {
        return schemas.newSchema();
    }

    @Override
    protected void dropDatabases() throws SQLException {
        schemas.dropAll();
    }
}
