package io.shotscope.service;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar shotscope-service.jar serve|user ...}: the service's command line. */
@Command(name = "shotscope", subcommands = {ServeCommand.class, UserCommand.class},
        description = "The shotscope pipeline service.")
public final class ServiceMain implements Runnable {

    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: serve or user");
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ServiceMain()).execute(args));
    }
}
