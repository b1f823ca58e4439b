package io.shotscope.cli;

import picocli.CommandLine.Option;

/** The {@code --[no-]progress} flag, shared by every command that does long work. */
final class ProgressMixin {

    @Option(names = "--progress", negatable = true,
            description = "Progress bar on stderr (default: only when stderr is a terminal, never in CI).")
    Boolean progress;

    boolean show() {
        return progress != null ? progress : ProgressBar.stderrIsTerminal();
    }
}
