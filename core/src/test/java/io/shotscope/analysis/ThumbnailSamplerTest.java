package io.shotscope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.metrics.AnalysisFrame;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailSamplerTest {

    @Test
    void keepsABoundedEvenlySpacedSetWhateverTheShotLength() {
        ThumbnailSampler sampler = new ThumbnailSampler(8, 6, 64);
        AnalysisFrame frame = new AnalysisFrame(64, 48);
        frame.prepare(0);
        for (int i = 0; i < 1000; i++) {
            sampler.frame(i, frame);
        }
        List<Thumbnail> kept = sampler.thumbnails();
        assertTrue(kept.size() <= 64 && kept.size() >= 32, "kept " + kept.size());
        int step = kept.get(1).analysedIndex() - kept.get(0).analysedIndex();
        for (int i = 0; i < kept.size(); i++) {
            assertEquals(i * step, kept.get(i).analysedIndex());
        }
        assertEquals(32, sampler.evenlySpread(32).size());
        assertEquals(0, sampler.evenlySpread(32).get(0).analysedIndex());
        assertEquals(kept.get(kept.size() - 1), sampler.evenlySpread(32).get(31));
    }

    @Test
    void thumbnailsKeepTheColoursOfThePlate(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("halves.png");
        writeRedBlueHalves(png, 128, 72);
        ThumbnailSampler sampler = new ThumbnailSampler(16, 9, 8);

        try (ShotAnalyzer analyzer = new ShotAnalyzer(AnalysisOptions.defaults())) {
            analyzer.analyze(png.toString(), ProgressListener.NONE, sampler);
        }

        Thumbnail t = sampler.thumbnails().get(0);
        int[] left = rgb(t, 2, 4);
        int[] right = rgb(t, 13, 4);
        assertTrue(left[0] > 200 && left[1] < 60 && left[2] < 60, "left should be red: " + java.util.Arrays.toString(left));
        assertTrue(right[2] > 200 && right[0] < 60 && right[1] < 60, "right should be blue: " + java.util.Arrays.toString(right));
    }

    private static int[] rgb(Thumbnail t, int x, int y) {
        int o = (y * t.width() + x) * 3;
        return new int[] {t.rgb()[o] & 0xFF, t.rgb()[o + 1] & 0xFF, t.rgb()[o + 2] & 0xFF};
    }

    private static void writeRedBlueHalves(Path file, int width, int height) throws Exception {
        Frame frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
        ByteBuffer buf = (ByteBuffer) frame.image[0];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int o = y * frame.imageStride + x * 3;
                boolean red = x < width / 2;
                buf.put(o, (byte) (red ? 255 : 0));
                buf.put(o + 1, (byte) 0);
                buf.put(o + 2, (byte) (red ? 0 : 255));
            }
        }
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0)) {
            recorder.setFormat("image2");
            recorder.setVideoCodecName("png");
            recorder.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
            recorder.setOption("update", "1");
            recorder.start();
            recorder.record(frame, avutil.AV_PIX_FMT_RGB24);
            recorder.stop();
        }
    }
}
