package io.shotscope.store;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

/** The shot store contract on H2 database files in a temporary folder. */
class H2ShotStoreTest extends ShotStoreContract {

    @TempDir
    Path folder;

    private final H2Databases databases = new H2Databases("shots-");

    @Override
    protected DataSource newEmptyDatabase() {
        return databases.newDatabase(folder);
    }

    @Override
    protected void dropDatabases() {
        databases.dropAll();
    }

    @Override
    protected Class<? extends JdbcShotStore> expectedStoreClass() {
        return H2ShotStore.class;
    }
}
