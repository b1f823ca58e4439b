package io.shotscope.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shotscope.testsupport.SharedClips;
import io.shotscope.video.PlateException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShotAnalyzerTest {

    private static ShotReport analyze(String clip, AnalysisOptions options) throws PlateException {
        try (ShotAnalyzer analyzer = new ShotAnalyzer(options)) {
            return analyzer.analyze(SharedClips.clip(clip).toString());
        }
    }

    @Test
    void reportIsTheSameWhateverTheThreadCount() throws Exception {
        AnalysisOptions base = AnalysisOptions.defaults().withMaxFrames(40);
        ShotReport one = analyze("asl-walk.mkv", base.withThreads(1));
        ShotReport two = analyze("asl-walk.mkv", base.withThreads(2));
        ShotReport five = analyze("asl-walk.mkv", base.withThreads(5));

        assertEquals(one.metrics(), two.metrics());
        assertEquals(one.metrics(), five.metrics());
        assertEquals(one.frameNumbers(), five.frameNumbers());
        assertEquals(40, one.framesAnalysed());
    }

    @Test
    void strideAnalysesEveryNthFrameButReadsThemAll() throws Exception {
        ShotReport all = analyze("asl-thanks.mkv", AnalysisOptions.defaults());
        ShotReport third = analyze("asl-thanks.mkv", AnalysisOptions.defaults().withStride(3));

        assertEquals(all.frames(), third.frames());
        assertEquals((all.frames() + 2) / 3, third.framesAnalysed());
        assertEquals(List.of(0, 3, 6), third.frameNumbers().subList(0, 3));
        assertEquals(all.sha256(), third.sha256());
    }

    @Test
    void maxFramesStopsEarly() throws Exception {
        ShotReport report = analyze("bottle-detection.mp4", AnalysisOptions.defaults().withMaxFrames(7));
        assertEquals(7, report.framesAnalysed());
        assertEquals(7, report.frames());
    }

    @Test
    void undefinedFirstFrameTakesTheFirstDefinedValue() {
        double[] series = {Double.NaN, 0.4, 0.2};
        ShotAnalyzer.fillUndefined(series);
        assertArrayEquals(new double[] {0.4, 0.4, 0.2}, series);
    }

    @Test
    void missingPlateFailsWithOneLineReason() {
        PlateException e = assertThrows(PlateException.class,
                () -> new ShotAnalyzer(AnalysisOptions.defaults()).analyze("/nonexistent/plate.mov"));
        assertEquals("no such file", e.getMessage());
    }
}
