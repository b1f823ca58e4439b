package io.shotscope.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.testsupport.HostileInputs;
import io.shotscope.testsupport.SyntheticPlates;
import io.shotscope.testsupport.SyntheticPlates.ImageFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputLimitsTest {

    @TempDir
    Path dir;

    private static String refusal(Path input, DecodeOptions options) {
        return assertThrows(PlateException.class, () -> Decoded.all(input.toString(), options)).getMessage();
    }

    @Test
    void pngDeclaringEnormousDimensionsIsRefusedFromItsHeaderAlone() throws Exception {
        Path png = Files.write(dir.resolve("enormous.png"), HostileInputs.pngHeader(100_000, 100_000));
        long heapBefore = usedHeap();
        String message = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> refusal(png, DecodeOptions.defaults()));
        assertTrue(message.endsWith("(enormous.png): frame size 100000x100000 exceeds the limit 16384x16384"),
                message);
        assertTrue(usedHeap() - heapBefore < 256L << 20, "no frame-sized allocation");
    }

    @Test
    void jpegDeclaringEnormousDimensionsIsRefusedFromItsHeaderAlone() throws Exception {
        Path jpeg = Files.write(dir.resolve("enormous.jpg"), HostileInputs.jpegHeader(65_535, 65_535));
        assertTrue(refusal(jpeg, DecodeOptions.defaults()).endsWith("frame size 65535x65535 exceeds the limit 16384x16384"));
    }

    @Test
    void movieWhoseSampleEntryClaimsHugeDimensionsIsRefusedBeforeDecoding() throws Exception {
        Path dirCorpus = Files.createDirectory(dir.resolve("corpus"));
        Path huge = HostileInputs.write(dirCorpus).stream().filter(h -> h.name().equals("huge-dimensions.mov"))
                .findFirst().orElseThrow().file();
        assertEquals("frame size 65535x65535 exceeds the limit 16384x16384", refusal(huge, DecodeOptions.defaults()));
    }

    @Test
    void smallerLimitsRefuseFrameSizePixelsFramesAndDuration() {
        Path movie = HostileInputs.validMovie(dir.resolve("valid.mp4"));
        DecodeOptions defaults = DecodeOptions.defaults();
        assertEquals("frame size 64x48 exceeds the limit 32x32",
                refusal(movie, defaults.withLimits(new InputLimits(32, 1 << 20, 100, Duration.ofHours(1)))));
        assertEquals("frame size 64x48 (3072 pixels) exceeds the limit of 3000 pixels",
                refusal(movie, defaults.withLimits(new InputLimits(100, 3000, 100, Duration.ofHours(1)))));
        assertEquals("24 frames exceed the limit of 10 frames",
                refusal(movie, defaults.withLimits(new InputLimits(100, 1 << 20, 10, Duration.ofHours(1)))));
        assertEquals("duration 0h00m01s exceeds the limit of 0h00m00s",
                refusal(movie, defaults.withLimits(new InputLimits(100, 1 << 20, 100, Duration.ofMillis(500)))));
    }

    @Test
    void sequenceWithMoreFramesThanTheLimitIsRefusedBeforeAnyFrameIsOpened() {
        SyntheticPlates.sequence(dir, "shot.%04d.png", ImageFormat.PNG_8, 16, 16, 1001, 5, Set.of());
        DecodeOptions small = DecodeOptions.defaults()
                .withLimits(new InputLimits(100, 1 << 20, 4, Duration.ofHours(1)));
        assertEquals("5 frames exceed the limit of 4 frames", refusal(dir, small));
    }

    @Test
    void sequenceFrameLinkingOutsideTheFolderIsRefused() throws Exception {
        Path shot = Files.createDirectory(dir.resolve("shot"));
        SyntheticPlates.image(shot.resolve("shot.1001.png"), ImageFormat.PNG_8, 16, 16, 0);
        Path outside = SyntheticPlates.image(dir.resolve("secret.png"), ImageFormat.PNG_8, 16, 16, 1);
        Files.createSymbolicLink(shot.resolve("shot.1002.png"), outside);
        assertEquals("frame shot.1002.png is a symbolic link to a file outside the sequence folder",
                refusal(shot, DecodeOptions.defaults()));
    }

    @Test
    void sequenceFrameLinkingInsideTheFolderIsRead() throws Exception {
        Path shot = Files.createDirectory(dir.resolve("shot"));
        SyntheticPlates.image(shot.resolve("shot.1001.png"), ImageFormat.PNG_8, 16, 16, 0);
        Files.createSymbolicLink(shot.resolve("shot.1002.png"), shot.resolve("shot.1001.png"));
        assertEquals(2, Decoded.all(shot.toString()).frames());
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
