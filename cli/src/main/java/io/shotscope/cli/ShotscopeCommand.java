package io.shotscope.cli;

import io.shotscope.metrics.MetricRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code shotscope} command: a thin shell over the core analyser. */
@Command(name = "shotscope",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Tells how hard a VFX shot will be: decodes plates and measures " + ShotscopeCommand.FACTORS + ".",
        footer = {"", "The pipeline service (REST API, jobs, drop folder) runs with: ./shotscope serve [--worker | --no-worker]"},
        subcommands = {AnalyzeCommand.class, SynthCommand.class, TrainCommand.class, EvaluateCommand.class,
            CommandLine.HelpCommand.class})
public final class ShotscopeCommand implements Runnable {

    /** Stands in a command's description for the number and names of the metrics the analyser measures. */
    static final String FACTORS = "{factors}";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (try: shotscope analyze PLATE)");
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(args);
        } catch (OutOfMemoryError e) {
            System.err.println("error: out of memory (this JVM may use " + MemoryBudget.maxHeap() + "): give it more "
                    + "with SHOTSCOPE_JAVA_OPTS='-Xmx...' (the defaults are in the README), or give it less work");
            code = 1;
        }
        System.exit(code);
    }

    /** Runs the CLI and returns its exit code: 0 success, 1 an input failed, 2 usage error. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command line as {@link #run} executes it, for callers that set its output streams. */
    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new ShotscopeCommand()).setExecutionExceptionHandler(ShotscopeCommand::failed);
        nameFactors(line);
        return line;
    }

    /** Fills {@link #FACTORS} in every command's description from the metric registry, so the help follows it. */
    private static void nameFactors(CommandLine line) {
        String factors = MetricRegistry.keys().size() + " complexity factors ("
                + String.join(", ", MetricRegistry.keys()) + ")";
        CommandLine.Model.UsageMessageSpec usage = line.getCommandSpec().usageMessage();
        usage.description(Arrays.stream(usage.description()).map(text -> text.replace(FACTORS, factors))
                .toArray(String[]::new));
        line.getSubcommands().values().forEach(ShotscopeCommand::nameFactors);
    }

    /**
     * What a subcommand did not catch, as one line: a file-system failure (a full disk, a folder
     * removed mid-run) by its reason, anything else as an internal error, with its stack trace only
     * when {@code SHOTSCOPE_DEBUG} is set.
     */
    private static int failed(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        if (cause instanceof IOException io) {
            String path = io instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() + ": " : "";
            err.println("error: " + path + OutputFolder.reason(io));
        } else {
            err.println("error: internal error: " + e + " (please report this; SHOTSCOPE_DEBUG=1 shows where)");
        }
        if (System.getenv("SHOTSCOPE_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }
}
