package io.shotscope.store;

import java.time.Clock;
import javax.sql.DataSource;

/** Shots in PostgreSQL, shared by every process of the service; text and bytea columns. */
public final class PostgresShotStore extends JdbcShotStore {

    /** What {@link java.sql.DatabaseMetaData#getDatabaseProductName()} answers for PostgreSQL. */
    public static final String PRODUCT_NAME = "PostgreSQL";

    public PostgresShotStore(DataSource dataSource, Clock clock) {
        super(dataSource, clock);
    }

    @Override
    public String migrationsLocation() {
        return "classpath:db/shotscope/postgresql";
    }
}
