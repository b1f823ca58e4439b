package io.shotscope.ml;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MlEngineTest {

    private static final String AMD = "vendor_id\t: AuthenticAMD\nflags\t\t: fpu sse2 avx2 avx512f avx512bw\n";
    private static final String AMD_WITHOUT_AVX512 = "vendor_id\t: AuthenticAMD\nflags\t\t: fpu sse2 avx2\n";
    private static final String INTEL = "vendor_id\t: GenuineIntel\nflags\t\t: fpu sse2 avx2 avx512f\n";

    @Test
    void anAmdProcessorWithAvx512AndNoIsaLimitIsWarnedAbout() {
        String warning = MlEngine.isaWarning(null, AMD);
        assertTrue(warning != null && warning.contains("ONEDNN_MAX_CPU_ISA=AVX2"), warning);
        assertTrue(MlEngine.isaWarning(" ", AMD) != null, "a blank value does not limit oneDNN");
    }

    @Test
    void aSetLimitOrAnotherProcessorNeedsNoWarning() {
        assertNull(MlEngine.isaWarning("AVX2", AMD));
        assertNull(MlEngine.isaWarning(null, AMD_WITHOUT_AVX512));
        assertNull(MlEngine.isaWarning(null, INTEL));
    }
}
