package io.shotscope.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shotscope.metrics.AnalysisFrame;
import io.shotscope.metrics.ComplexityMetric;
import io.shotscope.metrics.FrameContext;
import io.shotscope.metrics.FrameSpan;
import io.shotscope.testsupport.SharedClips;
import io.shotscope.video.PlateException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /** Records, per analysed frame, its span and a checksum of each frame it sees. */
    private static final class SpanProbe implements ComplexityMetric {
        final Map<Integer, Long> ownChecksum = new ConcurrentHashMap<>();
        final Map<Integer, long[]> span = new ConcurrentHashMap<>();

        @Override
        public String key() {
            return "span_probe";
        }

        @Override
        public double[] measure(FrameContext frame) {
            int number = frame.current().frameNumber();
            ownChecksum.put(number, checksum(frame.current()));
            FrameSpan s = frame.span();
            if (s != null) {
                span.put(number, new long[] {s.frames(), s.start().frameNumber(), checksum(s.start())});
            }
            return new double[] {0};
        }

        private static long checksum(AnalysisFrame frame) {
            return java.util.Arrays.hashCode(frame.luma.pixels);
        }
    }

    @Test
    void eachFrameSpansBackUpToFourAnalysedFramesStillIntact() throws Exception {
        SpanProbe probe = new SpanProbe();
        AnalysisOptions options = AnalysisOptions.defaults().withMaxFrames(40).withStride(2).withThreads(2);
        try (ShotAnalyzer analyzer = new ShotAnalyzer(options, List.of(probe))) {
            analyzer.analyze(SharedClips.clip("asl-walk.mkv").toString());
        }
        assertEquals(40, probe.ownChecksum.size());
        assertEquals(39, probe.span.size(), "every frame but the first has a span");
        for (int index = 1; index < 40; index++) {
            long[] s = probe.span.get(2 * index);
            int frames = Math.min(FrameSpan.FRAMES, index);
            int start = 2 * (index - frames);
            assertEquals(frames, s[0], "span length of analysed frame " + index);
            assertEquals(start, s[1], "span start of analysed frame " + index);
            // a buffer given back to the pool too early would hold a later frame by now
            assertEquals(probe.ownChecksum.get(start), s[2], "pixels of frame " + start + " seen from " + 2 * index);
        }
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
