package io.shotscope.analysis;

/** Told about progress while a plate is analysed; called from the analysing thread. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (read, expected) -> { };

    /**
     * @param framesRead     frames read so far
     * @param framesExpected frames the plate declares, or -1 when unknown
     */
    void framesRead(int framesRead, long framesExpected);
}
