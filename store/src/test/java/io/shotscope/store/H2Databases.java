package io.shotscope.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/** Empty H2 file databases in a folder for the contract suites, disposed by {@link #dropAll()}. */
final class H2Databases {

    private final String prefix;
    private final List<JdbcConnectionPool> pools = new ArrayList<>();

    H2Databases(String prefix) {
        this.prefix = prefix;
    }

    /** A new empty database file in {@code folder}. */
    DataSource newDatabase(Path folder) {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + folder.resolve(prefix + pools.size()),
                "sa", "");
        pools.add(pool);
        return pool;
    }

    /** Closes every database made so far. */
    void dropAll() {
        pools.forEach(JdbcConnectionPool::dispose);
        pools.clear();
    }
}
