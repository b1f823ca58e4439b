package io.shotscope.video;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Five seconds of the decode fuzzer with a fixed seed: every mutant is decoded or refused with a PlateException. */
class DecodeFuzzSmokeTest {

    @TempDir
    Path dir;

    @Test
    void mutatedSeedsAreDecodedOrRefusedNeverThrowingAnythingElse() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        long findings = new DecodeFuzz(dir, 20261125L).run(Duration.ofSeconds(5),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(0, findings, log.toString(StandardCharsets.UTF_8));
    }
}
