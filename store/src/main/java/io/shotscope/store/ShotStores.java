package io.shotscope.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;

/** Picks the shot store that fits a database, by the product name the JDBC driver reports. */
public final class ShotStores {

    private ShotStores() {
    }

    /** The store for this database, stamping times from the UTC system clock. */
    public static JdbcShotStore forDataSource(DataSource dataSource) {
        return forDataSource(dataSource, Clock.systemUTC());
    }

    /**
     * The store for this database.
     *
     * @throws IllegalArgumentException when the database is neither H2 nor PostgreSQL
     * @throws StoreException when the database cannot be reached to ask its product name
     */
    public static JdbcShotStore forDataSource(DataSource dataSource, Clock clock) {
        String product = productName(dataSource);
        return switch (product) {
            case H2ShotStore.PRODUCT_NAME -> new H2ShotStore(dataSource, clock);
            case PostgresShotStore.PRODUCT_NAME -> new PostgresShotStore(dataSource, clock);
            default -> throw new IllegalArgumentException("unsupported database '" + product
                    + "': shotscope stores shots in " + H2ShotStore.PRODUCT_NAME + " or "
                    + PostgresShotStore.PRODUCT_NAME);
        };
    }

    private static String productName(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new StoreException("shot store: cannot reach the database to learn its kind: " + e.getMessage(), e);
        }
    }
}
