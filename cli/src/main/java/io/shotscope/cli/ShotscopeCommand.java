package io.shotscope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code shotscope} command: a thin shell over the core analyser. */
@Command(name = "shotscope",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Tells how hard a VFX shot will be: decodes plates and measures twelve complexity factors.",
        footer = {"", "The pipeline service (REST API, jobs, drop folder) runs with: ./shotscope serve [--worker | --no-worker]"},
        subcommands = {AnalyzeCommand.class, SynthCommand.class, TrainCommand.class, EvaluateCommand.class,
            CommandLine.HelpCommand.class})
public final class ShotscopeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (try: shotscope analyze PLATE)");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code: 0 success, 1 an input failed, 2 usage error. */
    public static int run(String... args) {
        return new CommandLine(new ShotscopeCommand()).execute(args);
    }
}
