package io.shotscope.store;

/**
 * A filtered, sorted page of shots. Null filters match everything.
 *
 * @param status     only shots in this status
 * @param difficulty only shots rated this class ("Easy", "Medium", "Hard")
 * @param text       case-insensitive substring of the shot code or the input
 * @param page       zero-based page number
 * @param size       shots per page (1..{@link #MAX_SIZE})
 * @param sort       the column to sort by
 * @param ascending  sort direction
 */
public record ShotQuery(ShotStatus status, String difficulty, String text, int page, int size, Sort sort,
                        boolean ascending) {

    public static final int MAX_SIZE = 500;

    /** Sortable columns. */
    public enum Sort { CREATED_AT, UPDATED_AT, SHOT_CODE, CONFIDENCE, STATUS }

    public ShotQuery {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more, got " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ", got " + size);
        }
        if (sort == null) {
            sort = Sort.CREATED_AT;
        }
    }

    /** Every shot, newest first, in pages of {@code size}. */
    public static ShotQuery newest(int size) {
        return new ShotQuery(null, null, null, 0, size, Sort.CREATED_AT, false);
    }
}
