package io.shotscope.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Shots in a relational database through plain JDBC; all the SQL lives here, the subclasses only name
 * their database's migrations. Every status change is one UPDATE guarded by the statuses it may leave,
 * so concurrent workers in several processes cannot undo each other: the first terminal status wins.
 * Times are stored in UTC to the microsecond.
 */
public abstract class JdbcShotStore implements ShotStore {

    /** Every column but the thumbnail, which is read on its own. */
    private static final String RECORD_COLUMNS = "id, shot_code, input, source, content_hash, status, difficulty,"
            + " confidence, report, error, analyzer_version, model_version, attempts, created_at, updated_at,"
            + " finished_at";

    /** The statuses a worker may still change. */
    private static final String UNFINISHED = "('" + ShotStatus.QUEUED + "', '" + ShotStatus.RUNNING + "')";

    /** Escape character of the LIKE patterns built from search text. */
    private static final char LIKE_ESCAPE = '!';

    private static final String INSERT = "INSERT INTO shots (id, shot_code, input, source, content_hash, status,"
            + " analyzer_version, model_version, attempts, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)";

    private static final String SELECT_BY_ID = "SELECT " + RECORD_COLUMNS + " FROM shots WHERE id = ?";

    private static final String SELECT_BY_CONTENT = "SELECT " + RECORD_COLUMNS + " FROM shots"
            + " WHERE content_hash = ? AND analyzer_version = ? AND model_version = ? AND status <> '"
            + ShotStatus.FAILED + "' ORDER BY created_at DESC, id DESC FETCH FIRST 1 ROWS ONLY";

    private static final String MARK_RUNNING = "UPDATE shots SET status = '" + ShotStatus.RUNNING + "',"
            + " attempts = attempts + 1, updated_at = ? WHERE id = ? AND status IN " + UNFINISHED;

    private static final String MARK_DONE = "UPDATE shots SET status = '" + ShotStatus.DONE + "', difficulty = ?,"
            + " confidence = ?, report = ?, thumbnail = ?, error = NULL, updated_at = ?, finished_at = ?"
            + " WHERE id = ? AND status IN " + UNFINISHED;

    private static final String MARK_FAILED = "UPDATE shots SET status = '" + ShotStatus.FAILED + "', error = ?,"
            + " updated_at = ?, finished_at = ? WHERE id = ? AND status IN " + UNFINISHED;

    private static final String SELECT_STATUS = "SELECT status FROM shots WHERE id = ?";

    private static final String SELECT_THUMBNAIL = "SELECT thumbnail FROM shots WHERE id = ?";

    private static final String DELETE = "DELETE FROM shots WHERE id = ?";

    private static final String COUNT_BY_STATUS = "SELECT COUNT(*) FROM shots WHERE status = ?";

    private final DataSource dataSource;
    private final Clock clock;

    protected JdbcShotStore(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The Flyway location of this database's migrations. */
    public abstract String migrationsLocation();

    @Override
    public ShotRecord create(NewShot shot) {
        Instant now = now();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, shot.id());
            insert.setString(2, shot.shotCode());
            insert.setString(3, shot.input());
            insert.setString(4, shot.source());
            insert.setString(5, shot.contentHash());
            insert.setString(6, ShotStatus.QUEUED.name());
            insert.setString(7, shot.analyzerVersion());
            insert.setString(8, shot.modelVersion());
            setInstant(insert, 9, now);
            setInstant(insert, 10, now);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw failure("create shot " + shot.id(), e);
        }
        return new ShotRecord(shot.id(), shot.shotCode(), shot.input(), shot.source(), shot.contentHash(),
                ShotStatus.QUEUED, null, null, null, null, shot.analyzerVersion(), shot.modelVersion(), 0,
                now, now, null);
    }

    @Override
    public Optional<ShotRecord> find(UUID id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(SELECT_BY_ID)) {
            select.setObject(1, id);
            return firstRecord(select);
        } catch (SQLException e) {
            throw failure("find shot " + id, e);
        }
    }

    @Override
    public Optional<ShotRecord> findByContent(String contentHash, String analyzerVersion, String modelVersion) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(SELECT_BY_CONTENT)) {
            select.setString(1, contentHash);
            select.setString(2, analyzerVersion);
            select.setString(3, modelVersion);
            return firstRecord(select);
        } catch (SQLException e) {
            throw failure("find shots with content " + contentHash, e);
        }
    }

    @Override
    public boolean markRunning(UUID id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(MARK_RUNNING)) {
            setInstant(update, 1, now());
            update.setObject(2, id);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("mark shot " + id + " running", e);
        }
    }

    @Override
    public boolean markDone(UUID id, ShotResult result) {
        Objects.requireNonNull(result, "result");
        Instant now = now();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(MARK_DONE)) {
            update.setString(1, result.difficulty());
            if (result.confidence() == null) {
                update.setNull(2, Types.DOUBLE);
            } else {
                update.setDouble(2, result.confidence());
            }
            update.setString(3, result.reportJson());
            update.setBytes(4, result.thumbnailJpeg());
            setInstant(update, 5, now);
            setInstant(update, 6, now);
            update.setObject(7, id);
            return update.executeUpdate() == 1 || statusIs(connection, id, ShotStatus.DONE);
        } catch (SQLException e) {
            throw failure("mark shot " + id + " done", e);
        }
    }

    @Override
    public boolean markFailed(UUID id, String error) {
        Objects.requireNonNull(error, "error");
        Instant now = now();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(MARK_FAILED)) {
            update.setString(1, error);
            setInstant(update, 2, now);
            setInstant(update, 3, now);
            update.setObject(4, id);
            return update.executeUpdate() == 1 || statusIs(connection, id, ShotStatus.FAILED);
        } catch (SQLException e) {
            throw failure("mark shot " + id + " failed", e);
        }
    }

    /**
     * {@inheritDoc} Shots tied on the sort column come in the order of their ids, in the same direction,
     * and shots without a confidence come last whichever the direction.
     */
    @Override
    public ShotPage search(ShotQuery query) {
        Filter filter = Filter.of(query);
        String direction = query.ascending() ? "ASC" : "DESC";
        String count = "SELECT COUNT(*) FROM shots" + filter.where();
        String page = "SELECT " + RECORD_COLUMNS + " FROM shots" + filter.where()
                + " ORDER BY " + sortExpression(query.sort()) + " " + direction + " NULLS LAST, id " + direction
                + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement countStatement = connection.prepareStatement(count);
             PreparedStatement pageStatement = connection.prepareStatement(page)) {
            filter.bind(countStatement);
            long total = singleLong(countStatement);
            int next = filter.bind(pageStatement);
            pageStatement.setLong(next, (long) query.page() * query.size());
            pageStatement.setInt(next + 1, query.size());
            return new ShotPage(records(pageStatement), total, query.page(), query.size());
        } catch (SQLException e) {
            throw failure("search shots", e);
        }
    }

    @Override
    public Optional<byte[]> thumbnail(UUID id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(SELECT_THUMBNAIL)) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read the thumbnail of shot " + id, e);
        }
    }

    @Override
    public boolean delete(UUID id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setObject(1, id);
            return delete.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("delete shot " + id, e);
        }
    }

    @Override
    public long count(ShotStatus status) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(COUNT_BY_STATUS)) {
            select.setString(1, status.name());
            return singleLong(select);
        } catch (SQLException e) {
            throw failure("count " + status + " shots", e);
        }
    }

    private static String sortExpression(ShotQuery.Sort sort) {
        return switch (sort) {
            case CREATED_AT -> "created_at";
            case UPDATED_AT -> "updated_at";
            case SHOT_CODE -> "shot_code";
            case CONFIDENCE -> "confidence";
            case STATUS -> statusInLifeOrder();
        };
    }

    /** The status as its position in the shot's life (QUEUED first), not in the alphabet. */
    private static String statusInLifeOrder() {
        StringBuilder expression = new StringBuilder("CASE status");
        for (ShotStatus status : ShotStatus.values()) {
            expression.append(" WHEN '").append(status).append("' THEN ").append(status.ordinal());
        }
        return expression.append(" END").toString();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean statusIs(Connection connection, UUID id, ShotStatus expected) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_STATUS)) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() && expected.name().equals(rows.getString(1));
            }
        }
    }

    private static Optional<ShotRecord> firstRecord(PreparedStatement select) throws SQLException {
        List<ShotRecord> found = records(select);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<ShotRecord> records(PreparedStatement select) throws SQLException {
        List<ShotRecord> found = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                found.add(record(rows));
            }
        }
        return found;
    }

    private static ShotRecord record(ResultSet row) throws SQLException {
        double confidence = row.getDouble("confidence");
        Double confidenceOrNull = row.wasNull() ? null : confidence;
        return new ShotRecord(row.getObject("id", UUID.class), row.getString("shot_code"),
                row.getString("input"), row.getString("source"), row.getString("content_hash"),
                ShotStatus.valueOf(row.getString("status")), row.getString("difficulty"), confidenceOrNull,
                row.getString("report"), row.getString("error"), row.getString("analyzer_version"),
                row.getString("model_version"), row.getInt("attempts"), instant(row, "created_at"),
                instant(row, "updated_at"), instant(row, "finished_at"));
    }

    private static long singleLong(PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static StoreException failure(String action, SQLException e) {
        return new StoreException("shot store: could not " + action + ": " + e.getMessage(), e);
    }

    /** The WHERE clause of a query's filters and the values it binds, in order. */
    private record Filter(String where, List<Object> values) {

        static Filter of(ShotQuery query) {
            List<String> conditions = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            if (query.status() != null) {
                conditions.add("status = ?");
                values.add(query.status().name());
            }
            if (query.difficulty() != null) {
                conditions.add("difficulty = ?");
                values.add(query.difficulty());
            }
            if (query.text() != null && !query.text().isBlank()) {
                String pattern = "%" + escapeLike(query.text().strip()) + "%";
                conditions.add("(shot_code ILIKE ? ESCAPE '" + LIKE_ESCAPE + "' OR input ILIKE ? ESCAPE '"
                        + LIKE_ESCAPE + "')");
                values.add(pattern);
                values.add(pattern);
            }
            String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
            return new Filter(where, values);
        }

        /** Binds the filter values from parameter 1; returns the index of the next free parameter. */
        int bind(PreparedStatement statement) throws SQLException {
            int index = 1;
            for (Object value : values) {
                statement.setObject(index++, value);
            }
            return index;
        }

        /** The text with LIKE's wildcards made literal. */
        private static String escapeLike(String text) {
            StringBuilder escaped = new StringBuilder(text.length());
            for (char c : text.toCharArray()) {
                if (c == LIKE_ESCAPE || c == '%' || c == '_') {
                    escaped.append(LIKE_ESCAPE);
                }
                escaped.append(c);
            }
            return escaped.toString();
        }
    }
}
