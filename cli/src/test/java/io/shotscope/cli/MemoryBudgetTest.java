package io.shotscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {

    private static final long LAUNCHER_HEAP = 8L << 30;

    private final StringWriter err = new StringWriter();

    @Test
    void theDefaultRecipesFourThousandShotsFitTheLaunchersHeapQuietly() {
        assertTrue(MemoryBudget.fits(4000, LAUNCHER_HEAP, new PrintWriter(err)));
        assertEquals("", err.toString());
    }

    @Test
    void aDataSetThatFillsMostOfTheHeapIsWarnedAbout() {
        assertTrue(MemoryBudget.fits(6500, LAUNCHER_HEAP, new PrintWriter(err)));
        assertTrue(err.toString().startsWith("warning: 6500 shots need about 5.8 GB of features in memory, and this JVM "
                + "may use 8.6 GB; if it runs out, use SHOTSCOPE_JAVA_OPTS='-Xmx9g"), err.toString());
    }

    @Test
    void aDataSetTooLargeForTheHeapIsRefusedWithTheSettingThatFixesIt() {
        assertFalse(MemoryBudget.fits(9000, LAUNCHER_HEAP, new PrintWriter(err)));
        assertTrue(err.toString().startsWith("error: 9000 shots need about 8.0 GB"), err.toString());
        assertTrue(err.toString().contains("run with SHOTSCOPE_JAVA_OPTS='-Xmx13g -XX:+UseParallelGC'"), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
        // the suggested heap holds them without a warning
        assertTrue(MemoryBudget.fits(9000, 13L << 30, new PrintWriter(err)));
        assertEquals(1, err.toString().lines().count(), err.toString());
    }
}
