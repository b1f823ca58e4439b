package io.shotscope.store;

import java.time.Clock;
import javax.sql.DataSource;

/**
 * Shots in an H2 database (a file on one machine). H2 2.x speaks the same SQL as the PostgreSQL
 * store here, ILIKE included; only the schema's types differ (large objects for report and thumbnail).
 */
public final class H2ShotStore extends JdbcShotStore {

    /** What {@link java.sql.DatabaseMetaData#getDatabaseProductName()} answers for H2. */
    public static final String PRODUCT_NAME = "H2";

    public H2ShotStore(DataSource dataSource, Clock clock) {
        super(dataSource, clock);
    }

    @Override
    public String migrationsLocation() {
        return "classpath:db/shotscope/h2";
    }
}
