package io.shotscope.ml;

import ai.djl.engine.Engine;

/**
 * The module's single way to the deep-learning engine. It switches DJL to offline mode before the
 * engine loads, so the PyTorch native library comes from the pinned {@code pytorch-native-cpu} jar
 * on the class path and nothing is ever downloaded.
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
