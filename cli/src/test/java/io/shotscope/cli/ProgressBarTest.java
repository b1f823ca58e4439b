package io.shotscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.testsupport.SharedClips;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void barShowsFramesRateAndTimeLeft() {
        StringWriter err = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(err), "plate.mov");

        bar.framesRead(50, 200);

        String line = err.toString();
        assertTrue(line.startsWith("\rplate.mov ["), line);
        assertTrue(line.contains("50/200"), line);
        assertTrue(line.contains("fps ETA "), line);
    }

    @Test
    void finishingErasesTheBarLine() {
        StringWriter err = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(err), "plate.mov");
        bar.framesRead(1, -1);
        bar.finish();
        assertTrue(err.toString().endsWith("\r\033[K"), err.toString());
    }

    @Test
    void stderrIsQuietWhenNotATerminal() {
        AnalyzeCommandTest.Run run = AnalyzeCommandTest.run("analyze", "--json", "--max-frames", "30",
                SharedClips.clip("asl-thanks.mkv").toString());
        assertEquals(0, run.exitCode());
        assertEquals("", run.err());
    }

    @Test
    void progressFlagForcesTheBarOnStderrOnly() {
        AnalyzeCommandTest.Run run = AnalyzeCommandTest.run("analyze", "--json", "--progress",
                SharedClips.clip("bottle-detection.mp4").toString());
        assertEquals(0, run.exitCode());
        assertTrue(run.err().contains("bottle-detection.mp4 ["), run.err());
        assertFalse(run.out().contains("\r"));
    }
}
