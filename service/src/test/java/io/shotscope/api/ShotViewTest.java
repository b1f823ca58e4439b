package io.shotscope.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.shotscope.store.ShotRecord;
import io.shotscope.store.ShotStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShotViewTest {

    private static final String REPORT = """
            {"frames":58,"prediction":{"class":"Medium","confidence":0.71,"days":5.3},
             "explanation":[{"metric":"motion","weight":0.6,"level":"high"},{"metric":"noise","weight":0.4,"level":"low"}]}
            """;

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void aRatedShotInTheListCarriesTheDaysItsModelEstimated() throws Exception {
        ShotView view = ShotView.of(shot(ShotStatus.DONE, "Medium", REPORT), null);
        assertEquals(5.3, view.days());
        assertEquals(List.of("motion", "noise"), view.topFactors());
        assertEquals(5.3, JSON.readTree(JSON.writeValueAsString(view)).path("days").asDouble());
    }

    @Test
    void eachTopFactorInTheListSaysWhetherTheShotHasMoreOrLessOfIt() throws Exception {
        ShotView view = ShotView.of(shot(ShotStatus.DONE, "Medium", REPORT), null);
        assertEquals(List.of("high", "low"), view.topFactorLevels());
        JsonNode json = JSON.readTree(JSON.writeValueAsString(view));
        assertEquals("low", json.path("top_factor_levels").get(1).asText(), json.toString());
    }

    @Test
    void eachTopFactorOfADaysModelSaysTheDaysItAdds() throws Exception {
        String days = REPORT.replace("\"level\":\"high\"}", "\"level\":\"high\",\"days\":1.58}")
                .replace("\"level\":\"low\"}", "\"level\":\"low\",\"days\":0.74}");
        ShotView view = ShotView.of(shot(ShotStatus.DONE, "Medium", days), null);
        assertEquals(List.of(1.58, 0.74), view.topFactorDays());
        JsonNode json = JSON.readTree(JSON.writeValueAsString(view));
        assertEquals(0.74, json.path("top_factor_days").get(1).asDouble(), json.toString());
    }

    @Test
    void aReportWithoutFactorDaysListsNone() throws Exception {
        ShotView view = ShotView.of(shot(ShotStatus.DONE, "Medium", REPORT), null);
        assertNull(view.topFactorDays());
        assertFalse(JSON.readTree(JSON.writeValueAsString(view)).has("top_factor_days"));
    }

    @Test
    void aReportWrittenBeforeLevelsListsItsFactorsWithoutLevels() throws Exception {
        String old = REPORT.replace(",\"level\":\"high\"", "").replace(",\"level\":\"low\"", "");
        ShotView view = ShotView.of(shot(ShotStatus.DONE, "Medium", old), null);
        assertEquals(List.of("motion", "noise"), view.topFactors());
        assertNull(view.topFactorLevels());
        assertFalse(JSON.readTree(JSON.writeValueAsString(view)).has("top_factor_levels"));
    }

    @Test
    void aShotRatedByAModelThatLearnedOnlyLabelsHasNoDays() throws Exception {
        String labelsOnly = REPORT.replace(",\"days\":5.3", "");
        ShotView view = ShotView.of(shot(ShotStatus.DONE, "Medium", labelsOnly), null);
        assertNull(view.days());
        JsonNode json = JSON.readTree(JSON.writeValueAsString(view));
        assertFalse(json.has("days"), json.toString());
        assertTrue(json.has("confidence"), json.toString());
    }

    @Test
    void aShotStillRunningHasNoDaysYet() {
        assertNull(ShotView.of(shot(ShotStatus.RUNNING, null, null), null).days());
    }

    private static ShotRecord shot(ShotStatus status, String difficulty, String report) {
        Instant now = Instant.now();
        return new ShotRecord(UUID.randomUUID(), "SQ010_SH0040", "/plates/SQ010_SH0040.mov", "path", "abc", status,
                difficulty, difficulty == null ? null : 0.71, report, null, "0.4.0", "m", 1, now, now, now);
    }
}
