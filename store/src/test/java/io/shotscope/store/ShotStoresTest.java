package io.shotscope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class ShotStoresTest {

    @Test
    void anUnsupportedDatabaseIsRefusedByName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ShotStores.forDataSource(databaseCalled("SQLite")));
        assertEquals("unsupported database 'SQLite': shotscope stores shots in H2 or PostgreSQL",
                refused.getMessage());
    }

    @Test
    void migrationsRefuseAnUnsupportedDatabaseToo() {
        assertThrows(IllegalArgumentException.class, () -> StoreMigrations.migrate(databaseCalled("MySQL")));
    }

    @Test
    void anUnreachableDatabaseIsAStoreFailureNamingTheReason() {
        StoreException failure = assertThrows(StoreException.class,
                () -> ShotStores.forDataSource(new UnreachableDataSource()));
        assertEquals("shot store: cannot reach the database to learn its kind: connection refused",
                failure.getMessage());
    }

    /** A data source whose connections report this product name and do nothing else. */
    private static DataSource databaseCalled(String productName) {
        DatabaseMetaData metaData = proxy(DatabaseMetaData.class, "getDatabaseProductName", productName);
        Connection connection = proxy(Connection.class, "getMetaData", metaData);
        return new UnreachableDataSource() {
            @Override
            public Connection getConnection() {
                return connection;
            }
        };
    }

    private static <T> T proxy(Class<T> type, String method, Object answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, called, args) -> {
                    if (called.getName().equals(method)) {
                        return answer;
                    }
                    if (called.getName().equals("close")) {
                        return null;
                    }
                    throw new UnsupportedOperationException(called.getName());
                }));
    }

    private static class UnreachableDataSource implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLException("connection refused");
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
