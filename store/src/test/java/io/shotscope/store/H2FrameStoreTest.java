package io.shotscope.store;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

/** The filmstrip store contract on H2 database files in a temporary folder. */
class H2FrameStoreTest extends FrameStoreContract {

    @TempDir
    Path folder;

    private final H2Databases databases = new H2Databases("frames-");

    @Override
    protected DataSource newEmptyDatabase() {
        return databases.newDatabase(folder);
    }

    @Override
    protected void dropDatabases() {
        databases.dropAll();
    }
}
