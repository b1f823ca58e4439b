package io.shotscope.synth;

/** Progress of {@link SyntheticShots#render}: called once per finished shot, from worker threads, one call at a time. */
@FunctionalInterface
public interface SynthListener {

    SynthListener NONE = (shot, done, total) -> { };

    /**
     * @param shot  the shot just written
     * @param done  shots written so far, this one included
     * @param total shots to write
     */
    void shotRendered(SynthShot shot, int done, int total);
}
