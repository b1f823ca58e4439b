package io.shotscope.ml;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/** Skips a test loudly when the PyTorch engine cannot load here; in CI (env CI set) fails instead. */
final class EngineAvailable {

    private EngineAvailable() {
    }

    static void require() {
        String reason = MlEngine.unavailableReason();
        if (reason == null) {
            return;
        }
        if (System.getenv("CI") != null) {
            fail("the PyTorch engine must load in CI but did not: " + reason);
        }
        String message = "SKIPPED: the PyTorch engine cannot load on this machine: " + reason;
        System.err.println(message);
        Assumptions.abort(message);
    }
}
