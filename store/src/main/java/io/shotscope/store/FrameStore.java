package io.shotscope.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The filmstrips of shots (table {@code shot_frames}, migration V3), plain JDBC with SQL both H2 and
 * PostgreSQL accept. A shot's frames go when the shot is deleted (foreign key, on delete cascade).
 */
public final class FrameStore {

    private static final String DELETE = "DELETE FROM shot_frames WHERE shot_id = ?";
    private static final String INSERT = "INSERT INTO shot_frames (shot_id, frame_number, jpeg) VALUES (?, ?, ?)";
    private static final String SELECT_NUMBERS = "SELECT frame_number FROM shot_frames WHERE shot_id = ?"
            + " ORDER BY frame_number";
    private static final String SELECT_JPEG = "SELECT jpeg FROM shot_frames WHERE shot_id = ? AND frame_number = ?";

    private final DataSource dataSource;

    public FrameStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Replaces the shot's filmstrip with these frames, in one transaction. */
    public void save(UUID shotId, List<StoredFrame> frames) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement(DELETE);
                 PreparedStatement insert = connection.prepareStatement(INSERT)) {
                delete.setObject(1, shotId);
                delete.executeUpdate();
                for (StoredFrame frame : frames) {
                    insert.setObject(1, shotId);
                    insert.setInt(2, frame.frameNumber());
                    insert.setBytes(3, frame.jpeg());
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("filmstrip: storing " + frames.size() + " frames of shot " + shotId
                    + " failed: " + e.getMessage(), e);
        }
    }

    /** The numbers of the shot's stored frames, in order; empty when it has none. */
    public List<Integer> frameNumbers(UUID shotId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(SELECT_NUMBERS)) {
            select.setObject(1, shotId);
            List<Integer> numbers = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    numbers.add(rows.getInt(1));
                }
            }
            return numbers;
        } catch (SQLException e) {
            throw new StoreException("filmstrip: reading the frames of shot " + shotId + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** One stored frame as JPEG, if the shot has it. */
    public Optional<byte[]> jpeg(UUID shotId, int frameNumber) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(SELECT_JPEG)) {
            select.setObject(1, shotId);
            select.setInt(2, frameNumber);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("filmstrip: reading frame " + frameNumber + " of shot " + shotId + " failed: "
                    + e.getMessage(), e);
        }
    }
}
