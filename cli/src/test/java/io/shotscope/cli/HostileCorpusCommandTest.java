package io.shotscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shotscope.testsupport.HostileInputs;
import io.shotscope.testsupport.HostileInputs.Hostile;
import io.shotscope.testsupport.HostileInputs.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input corpus through {@code shotscope analyze}: every input that must be refused gets
 * one line {@code error: <input>: <reason>}, exit 1, no report and no stack trace, quickly; the
 * borderline ones are analysed or refused the same way, never a crash or a hang.
 */
class HostileCorpusCommandTest {

    /** Far above the slowest input (the 1 MB of noise probes in well under a second). */
    private static final Duration TIME_BOUND = Duration.ofSeconds(30);

    private static Path corpusDir;
    private static List<Hostile> corpus;

    static synchronized List<Hostile> corpus() {
        if (corpus == null) {
            try {
                corpusDir = Files.createTempDirectory("hostile-cli");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            corpus = HostileInputs.write(corpusDir);
        }
        return corpus;
    }

    static Stream<Hostile> inputs() {
        return corpus().stream();
    }

    @AfterAll
    static void removeCorpus() throws IOException {
        if (corpusDir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(corpusDir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void theCorpusHoldsAtLeastThirtyInputs() {
        assertTrue(corpus().size() >= 30, "corpus size " + corpus().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void hostileInputIsRefusedOnOneLineOrAnalysed(Hostile hostile) throws Exception {
        Path out = Files.createTempDirectory("hostile-reports");
        try {
            AnalyzeCommandTest.Run run = assertTimeoutPreemptively(TIME_BOUND, () -> AnalyzeCommandTest.run(
                    "analyze", "--no-model", "--threads", "1", "--out", out.toString(), hostile.input()));
            String err = run.err().strip();
            boolean reportWritten;
            try (Stream<Path> reports = Files.list(out)) {
                reportWritten = reports.findAny().isPresent();
            }
            if (hostile.outcome() == Outcome.ANALYSED_OR_REFUSED && run.exitCode() == 0) {
                assertTrue(reportWritten, "analysed, so a report: " + hostile);
                return;
            }
            assertEquals(1, run.exitCode(), hostile + ": " + err);
            assertEquals(1, err.lines().count(), err);
            String prefix = "error: " + AnalyzeCommand.printable(hostile.input()) + ": ";
            assertTrue(err.startsWith(prefix) && err.length() > prefix.length(), err);
            assertFalse(err.contains("Exception") || err.contains("\tat ") || err.contains("internal error"), err);
            assertFalse(reportWritten, "no report for a refused input");
            System.out.println("corpus " + hostile + " -> " + err.substring(prefix.length()));
        } finally {
            removeCorpusReports(out);
        }
    }

    private static void removeCorpusReports(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(out);
    }
}
