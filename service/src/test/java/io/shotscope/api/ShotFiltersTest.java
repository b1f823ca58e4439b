package io.shotscope.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.store.ShotQuery;
import io.shotscope.store.ShotStatus;
import org.junit.jupiter.api.Test;

class ShotFiltersTest {

    @Test
    void filtersAreReadCaseInsensitively() {
        ShotQuery q = ShotFilters.query("done", "hard", " sq010 ", 2, 20, "shot_code,asc");
        assertEquals(ShotStatus.DONE, q.status());
        assertEquals("Hard", q.difficulty());
        assertEquals("sq010", q.text());
        assertEquals(2, q.page());
        assertEquals(ShotQuery.Sort.SHOT_CODE, q.sort());
        assertTrue(q.ascending());
    }

    @Test
    void newestFirstUnlessToldOtherwise() {
        ShotQuery q = ShotFilters.query(null, null, null, 0, 50, "created_at");
        assertEquals(ShotQuery.Sort.CREATED_AT, q.sort());
        assertFalse(q.ascending());
    }

    @Test
    void badValuesAreRejectedWithWhatWasExpected() {
        assertTrue(assertThrows(InvalidRequestException.class,
                () -> ShotFilters.query("nope", null, null, 0, 50, null)).getMessage().contains("QUEUED"));
        assertTrue(assertThrows(InvalidRequestException.class,
                () -> ShotFilters.query(null, "Impossible", null, 0, 50, null)).getMessage().contains("Easy"));
        assertTrue(assertThrows(InvalidRequestException.class,
                () -> ShotFilters.query(null, null, null, 0, 50, "size,asc")).getMessage().contains("shot_code"));
        assertTrue(assertThrows(InvalidRequestException.class,
                () -> ShotFilters.query(null, null, null, 0, 50, "shot_code,up")).getMessage().contains("asc"));
        assertTrue(assertThrows(InvalidRequestException.class,
                () -> ShotFilters.query(null, null, null, 0, 501, null)).getMessage().contains("500"));
        assertTrue(assertThrows(InvalidRequestException.class,
                () -> ShotFilters.query(null, null, null, -1, 50, null)).getMessage().contains("page"));
    }
}
