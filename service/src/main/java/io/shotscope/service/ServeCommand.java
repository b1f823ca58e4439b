package io.shotscope.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.SpringApplication;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code shotscope serve}: starts the service and runs until it is stopped (Ctrl-C or SIGTERM).
 * Options become Spring arguments, so they win over the configuration file and the environment.
 */
@Command(name = "serve",
        description = {
            "Runs the shotscope service: REST API under /api/v1, drop folder, jobs, /health, /ready, /metrics.",
            "Without options it starts on embedded defaults: an H2 database and uploads in the folder data,"
                + " the drop folder input_files (both in the working directory), an in-process cache,"
                + " http://127.0.0.1:8000 and the job dashboard on the port + 1.",
            "Settings: application.properties in the working directory, --config FILE, SHOTSCOPE_* environment"
                + " variables (e.g. SHOTSCOPE_DB_URL, SHOTSCOPE_REDIS_URL) or --shotscope.<key>=<value>."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "1:could not start (the log says why)",
            "2:usage error, or an unsafe configuration (security disabled on a non-loopback address)"})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--worker", description = "Only work jobs (no REST API, no drop folder).")
    boolean workerOnly;

    @Option(names = "--no-worker", description = "Only serve the API and the drop folder; jobs wait for workers.")
    boolean apiOnly;

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (default 8000).")
    Integer port;

    @Option(names = "--config", paramLabel = "FILE", description = "An extra properties or YAML file.")
    Path config;

    /** Any other setting, Spring style: {@code --shotscope.<key>=<value>}. */
    @CommandLine.Unmatched
    List<String> settings = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        List<String> args = springArguments();
        CountDownLatch stopped = new CountDownLatch(1);
        SpringApplication application = new SpringApplication(ShotscopeApplication.class);
        application.addListeners(event -> {
            if (event instanceof ContextClosedEvent) {
                stopped.countDown();
            }
        });
        try {
            application.run(args.toArray(String[]::new));
        } catch (RuntimeException e) {
            if (rootCause(e) instanceof StartRefusedException refused) {
                spec.commandLine().getErr().println("shotscope serve: " + refused.getMessage());
                return 2;
            }
            // Spring has logged why; one line for the terminal
            spec.commandLine().getErr().println("shotscope serve: could not start: " + rootMessage(e));
            return 1;
        }
        stopped.await();
        return 0;
    }

    List<String> springArguments() {
        if (workerOnly && apiOnly) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--worker and --no-worker exclude each other");
        }
        List<String> args = new ArrayList<>();
        if (workerOnly) {
            args.add("--shotscope.role=worker");
        } else if (apiOnly) {
            args.add("--shotscope.role=api");
        }
        if (port != null) {
            args.add("--shotscope.port=" + port);
        }
        if (config != null) {
            if (!Files.isRegularFile(config)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--config: no such file: " + config);
            }
            args.add("--spring.config.additional-location=file:" + config.toAbsolutePath());
        }
        for (String setting : settings) {
            if (!setting.startsWith("--") || !setting.contains("=")) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "settings look like --shotscope.<key>=<value>, got: " + setting);
            }
            args.add(setting);
        }
        return args;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = rootCause(e);
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
