package io.shotscope.ml;

import ai.djl.engine.Engine;

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

    private MlEngine() {
    }

    public static Engine get() {
        System.setProperty(OFFLINE_PROPERTY, "true");
        return Engine.getEngine(ENGINE_NAME);
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
