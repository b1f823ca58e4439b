package io.shotscope.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.io.TempDir;

/** The filmstrip store contract on H2 database files in a temporary folder. */
class H2FrameStoreTest extends FrameStoreContract {

    @TempDir
    Path folder;

    private final List<JdbcConnectionPool> pools = new ArrayList<>();

    @Override
    protected DataSource newEmptyDatabase() {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + folder.resolve("frames-" + pools.size()),
                "sa", "");
        pools.add(pool);
        return pool;
    }

    @Override
    protected void dropDatabases() {
        pools.forEach(JdbcConnectionPool::dispose);
        pools.clear();
    }
}
