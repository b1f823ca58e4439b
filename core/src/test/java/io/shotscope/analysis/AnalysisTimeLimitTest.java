package io.shotscope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.testsupport.HostileInputs;
import io.shotscope.video.PlateException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisTimeLimitTest {

    @TempDir
    Path dir;

    @Test
    void aPlateOverTheTimeLimitFailsWithAClearReason() {
        Path movie = HostileInputs.validMovie(dir.resolve("plate.mp4"));
        AnalysisOptions options = AnalysisOptions.defaults().withThreads(1).withTimeLimit(Duration.ofNanos(1));
        PlateException e = assertThrows(PlateException.class, () -> new ShotAnalyzer(options).analyze(movie.toString()));
        assertTrue(e.getMessage().startsWith("analysis exceeded the time limit of 0.000000001s after "), e.getMessage());
    }

    @Test
    void aPlateWithinTheTimeLimitIsAnalysed() throws Exception {
        Path movie = HostileInputs.validMovie(dir.resolve("plate.mp4"));
        AnalysisOptions options = AnalysisOptions.defaults().withThreads(1).withTimeLimit(Duration.ofMinutes(5));
        assertEquals(24, new ShotAnalyzer(options).analyze(movie.toString()).framesAnalysed());
    }
}
