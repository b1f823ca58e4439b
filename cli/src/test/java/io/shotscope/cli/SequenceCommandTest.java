package io.shotscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shotscope.testsupport.SyntheticPlates;
import io.shotscope.testsupport.SyntheticPlates.ImageFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image sequences through the command line: report names, frame numbers and gaps. */
class SequenceCommandTest {

    @Test
    void sequenceReportIsNamedAfterTheSequenceWithoutItsFramePattern(@TempDir Path dir) throws Exception {
        SyntheticPlates.sequence(dir, "SQ010_SH0040_PL01_v001.%04d.exr", ImageFormat.EXR_HALF, 96, 54, 1001, 6, Set.of());
        Path out = dir.resolve("reports");

        AnalyzeCommandTest.Run run = AnalyzeCommandTest.run("analyze", "--out", out.toString(),
                dir.resolve("SQ010_SH0040_PL01_v001.####.exr").toString());

        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = new ObjectMapper().readTree(out.resolve("SQ010_SH0040_PL01_v001.json").toFile());
        assertEquals(1001, report.get("first_frame").asInt());
        assertEquals(1006, report.get("last_frame").asInt());
        assertEquals(6, report.get("frames").asInt());
        assertEquals("sequence", report.get("kind").asText());
        assertEquals(24.0, report.get("fps").asDouble());
    }

    @Test
    void gapIsAnErrorNamingTheMissingFramesUnlessAllowed(@TempDir Path dir) throws Exception {
        SyntheticPlates.sequence(dir, "plate.%04d.dpx", ImageFormat.DPX_10, 96, 54, 1001, 8, Set.of(1003, 1004));
        String pattern = dir.resolve("plate.[1001-1008].dpx").toString();

        AnalyzeCommandTest.Run refused = AnalyzeCommandTest.run("analyze", "--json", pattern);
        assertEquals(1, refused.exitCode());
        assertEquals("error: " + pattern + ": sequence has gaps: missing frames 1003-1004 (use --allow-gaps to analyse anyway)",
                refused.err().strip());
        assertEquals("", refused.out());

        AnalyzeCommandTest.Run allowed = AnalyzeCommandTest.run("analyze", "--json", "--allow-gaps", "--fps", "25", pattern);
        assertEquals(0, allowed.exitCode(), allowed.err());
        JsonNode report = new ObjectMapper().readTree(allowed.out());
        assertEquals("[1003,1004]", report.get("missing_frames").toString());
        assertEquals(6, report.get("frames").asInt());
        assertEquals(25.0, report.get("fps").asDouble());
        assertTrue(report.get("frame_numbers").toString().startsWith("[1001,1002,1005"));
    }

    @Test
    void emptyFolderIsAOneLineError(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        AnalyzeCommandTest.Run run = AnalyzeCommandTest.run("analyze", empty.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("error: " + empty + ": empty folder"), run.err());
        assertEquals(1, run.err().strip().lines().count());
    }
}
