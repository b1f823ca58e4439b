package io.shotscope.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.metrics.MetricRegistry;
import io.shotscope.store.ShotRecord;
import io.shotscope.store.ShotStatus;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BidSheetTest {

    private static final String REPORT = """
            {"first_frame":1001,"last_frame":1058,"frames":58,"frames_analysed":58,"fps":23.976,
             "complexity_scores":{"blur":0.1,"motion":0.52,"camera_motion":0.3,"zoom":0.0,"texture":0.41,
               "edges":0.5,"noise":0.2,"lighting":0.1,"occlusion":0.25},
             "prediction":{"class":"Hard","confidence":0.83},
             "explanation":[{"metric":"motion","weight":0.6},{"metric":"camera_motion","weight":0.4}]}
            """;

    @Test
    void headerListsTheTrackerColumnsAndEveryMetricScore() {
        String header = String.join(",", BidSheet.header());
        assertTrue(header.startsWith("Sequence,Shot,Frame In,Frame Out,Frames,FPS,Class,Confidence,Days,"), header);
        assertTrue(header.endsWith(",Top Factors,Description"), header);
        assertEquals(9 + MetricRegistry.keys().size() + 2, BidSheet.header().size());
    }

    /** The report predates the objects, shake, object_count and edge_width metrics: their columns stay empty instead of failing the sheet. */
    @Test
    void aDoneShotIsOneRowWithItsRangeRatingScoresAndFactors() throws IOException {
        String row = rowOf(shot("SQ010_SH0040", ShotStatus.DONE, "Hard", 0.83, REPORT, null));
        assertEquals("SQ010,SH0040,1001,1058,58,23.976,Hard,0.83,,0.1,0.52,0.3,0,0.41,0.5,0.2,0.1,0.25,,,,,"
                + "\"motion 0.6, camera_motion 0.4\","
                + "\"Hard (83% confident), driven by motion, camera motion; 58 frames measured\"\r\n", row);
    }

    @Test
    void factorLevelsReadAsHighOrLowBeforeTheirNames() throws IOException {
        String report = REPORT.replace("\"weight\":0.6}", "\"weight\":0.6,\"level\":\"high\"}")
                .replace("\"weight\":0.4}", "\"weight\":0.4,\"level\":\"low\"}");
        String row = rowOf(shot("SQ010_SH0050", ShotStatus.DONE, "Hard", 0.83, report, null));
        assertTrue(row.endsWith(",\"high motion 0.6, low camera_motion 0.4\","
                + "\"Hard (83% confident), driven by high motion, low camera motion; 58 frames measured\"\r\n"), row);
    }

    @Test
    void theArtistDaysAModelEstimatedFollowTheConfidence() throws IOException {
        String report = REPORT.replace("\"confidence\":0.83}", "\"confidence\":0.83,\"days\":7.4}");
        String row = rowOf(shot("SQ010_SH0060", ShotStatus.DONE, "Hard", 0.83, report, null));
        assertTrue(row.startsWith("SQ010,SH0060,1001,1058,58,23.976,Hard,0.83,7.4,0.1,"), row);
    }

    @Test
    void theTopFactorsOfADaysModelSayTheDaysEachAdds() throws IOException {
        String report = REPORT.replace("\"confidence\":0.83}", "\"confidence\":0.83,\"days\":7.4}")
                .replace("\"weight\":0.6}", "\"weight\":0.6,\"level\":\"high\",\"days\":1.25}")
                .replace("\"weight\":0.4}", "\"weight\":0.4,\"level\":\"low\",\"days\":-0.4}");
        String row = rowOf(shot("SQ010_SH0070", ShotStatus.DONE, "Hard", 0.83, report, null));
        assertTrue(row.endsWith(",\"high motion +1.25 days, low camera_motion -0.4 days\","
                + "\"Hard (83% confident), driven by high motion, low camera motion; 58 frames measured\"\r\n"), row);
    }

    @Test
    void frameRateOfAMovieIsRoundedToThreeDecimals() throws IOException {
        String report = REPORT.replace("\"fps\":23.976", "\"fps\":29.833333333333332");
        String row = rowOf(shot("SQ010_SH0050", ShotStatus.DONE, "Hard", 0.83, report, null));
        assertTrue(row.startsWith("SQ010,SH0050,1001,1058,58,29.833,Hard,"), row);
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedAndQuotesDoubled() {
        assertEquals("plain", BidSheet.quote("plain"));
        assertEquals("\"a,b\"", BidSheet.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", BidSheet.quote("say \"hi\""));
        assertEquals("\"two\nlines\"", BidSheet.quote("two\nlines"));
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsDefused() throws IOException {
        String row = rowOf(shot("=HYPERLINK(\"x\")", ShotStatus.FAILED, null, null, null, "not a movie, sorry"));
        assertTrue(row.startsWith(",\"'=HYPERLINK(\"\"x\"\")\","), row);
        assertTrue(row.endsWith(",\"failed: not a movie, sorry\"\r\n"), row);
    }

    private static String rowOf(ShotRecord shot) throws IOException {
        StringWriter out = new StringWriter();
        new BidSheet(out).write(shot);
        return out.toString();
    }

    private static ShotRecord shot(String code, ShotStatus status, String difficulty, Double confidence, String report,
                                   String error) {
        Instant now = Instant.now();
        return new ShotRecord(UUID.randomUUID(), code, "/plates/" + code + ".mov", "path", "abc", status, difficulty,
                confidence, report, error, "0.1.0", "m", 1, now, now, now);
    }
}
