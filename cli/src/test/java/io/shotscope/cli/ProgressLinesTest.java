package io.shotscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressLinesTest {

    private final StringWriter err = new StringWriter();

    @Test
    void aLongRunPrintsOneLineForEachTenthDone() {
        ProgressLines lines = ProgressLines.forTotal(250, new PrintWriter(err), "features", "shots");
        for (int done = 1; done <= 250; done++) {
            lines.framesRead(done, 250);
        }

        List<String> printed = err.toString().lines().toList();
        assertEquals(10, printed.size(), err.toString());
        assertTrue(printed.get(0).startsWith("features: 25/250 shots (10 %), 0:00 elapsed, about "), printed.get(0));
        assertTrue(printed.get(9).startsWith("features: 250/250 shots (100 %), ") && printed.get(9).endsWith("about 0:00 left"),
                printed.get(9));
    }

    @Test
    void aShortRunPrintsNothing() {
        assertNull(ProgressLines.forTotal(ProgressLines.MIN_TOTAL - 1, new PrintWriter(err), "features", "shots"));
    }
}
