package io.shotscope.ml;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The module's single way to the deep-learning engine. It switches DJL to offline mode before the
 * engine loads, so the PyTorch native library comes from the pinned {@code pytorch-native-cpu} jar
 * on the class path and nothing is ever downloaded.
 *
 * <p>Run it with {@code ONEDNN_MAX_CPU_ISA=AVX2} in the environment (the {@code shotscope} launcher
 * and the test runs set it): on AMD EPYC processors with AVX-512, PyTorch's oneDNN LSTM gives wrong
 * outputs for some state sizes (8, 12, 16 and 48 of those tried; 20, 24, 32 and 64 were right), and
 * the variable has to be set before the native library loads.
 */
public final class MlEngine {

    public static final String ENGINE_NAME = "PyTorch";
    public static final String OFFLINE_PROPERTY = "ai.djl.offline";
    /** The environment variable that limits oneDNN's instruction set; read only when the native library loads. */
    static final String ISA_VARIABLE = "ONEDNN_MAX_CPU_ISA";
    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    private MlEngine() {
    }

    public static Engine get() {
        System.setProperty(OFFLINE_PROPERTY, "true");
        warnOnceIfTheIsaIsUnlimited();
        return Engine.getEngine(ENGINE_NAME);
    }

    private static volatile boolean isaChecked;

    /** A library user who starts the JVM without the launcher is told, once, what the launcher sets. */
    private static void warnOnceIfTheIsaIsUnlimited() {
        if (isaChecked) {
            return;
        }
        isaChecked = true;
        String cpuinfo;
        try {
            cpuinfo = Files.readString(CPUINFO);
        } catch (IOException | RuntimeException e) {
            return;
        }
        String warning = isaWarning(System.getenv(ISA_VARIABLE), cpuinfo);
        if (warning != null) {
            System.getLogger(MlEngine.class.getName()).log(System.Logger.Level.WARNING, warning);
        }
    }

    /**
     * Why the engine may compute wrong LSTM outputs here, or null: on an AMD processor with AVX-512
     * when {@value #ISA_VARIABLE} does not hold oneDNN to AVX2.
     */
    static String isaWarning(String isaVariable, String cpuinfo) {
        boolean amdWithAvx512 = cpuinfo.contains("AuthenticAMD") && cpuinfo.contains(" avx512f");
        if (!amdWithAvx512 || (isaVariable != null && !isaVariable.isBlank())) {
            return null;
        }
        return ISA_VARIABLE + " is not set on this AMD processor with AVX-512, where PyTorch's oneDNN LSTM gives "
                + "wrong outputs for some layer sizes: start the JVM with " + ISA_VARIABLE + "=AVX2 in its environment "
                + "(the shotscope launcher does)";
    }

    /** Null when the engine loads, otherwise why not (for tests and a friendly CLI message). */
    public static String unavailableReason() {
        try {
            get();
            return null;
        } catch (RuntimeException | LinkageError e) {
            return e.toString();
        }
    }
}
