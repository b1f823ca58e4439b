package io.shotscope.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings the shots schema up to date with Flyway. The migrations live in this jar, one folder per
 * database; their history has its own table, so other tables in the database (JobRunr's) are left alone.
 */
public final class StoreMigrations {

    /** Flyway's record of the shots schema migrations applied. */
    public static final String HISTORY_TABLE = "shotscope_schema_history";

    /** Version recorded when a database that already holds other tables is first migrated. */
    private static final String BASELINE_VERSION = "0";

    private StoreMigrations() {
    }

    /**
     * Applies the pending migrations; does nothing when the schema is current. Safe to run from several
     * processes at once (Flyway locks the history table).
     *
     * @return the number of migrations applied
     * @throws IllegalArgumentException when the database is neither H2 nor PostgreSQL
     * @throws StoreException when a migration fails
     */
    public static int migrate(DataSource dataSource) {
        String location = ShotStores.forDataSource(dataSource).migrationsLocation();
        Flyway flyway = Flyway.configure(StoreMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(location)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion(BASELINE_VERSION)
                .failOnMissingLocations(true)
                .load();
        try {
            return flyway.migrate().migrationsExecuted;
        } catch (FlywayException e) {
            throw new StoreException("shot store: migrating the schema from " + location + " failed: "
                    + e.getMessage(), e);
        }
    }
}
