package io.shotscope.service;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shotscope user add NAME --role R}: hashes a password (read from stdin, never the command line). */
@Command(name = "user", description = "Users of the service's API.",
        subcommands = UserCommand.Add.class)
public final class UserCommand implements Runnable {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: add");
    }

    /** Shortest password accepted. */
    static final int MIN_PASSWORD_LENGTH = 10;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    @Command(name = "add",
            description = {"Prints the configuration lines of a new user, with a bcrypt hash of the password.",
                "The password is read from the terminal (asked twice) or, when piped, from the first line of stdin.",
                "Add the lines to application.properties (use the next free index) and restart the service."},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:printed", "2:usage error or unusable password"})
    static final class Add implements Callable<Integer> {

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Parameters(paramLabel = "NAME", description = "User name (letters, digits, . _ @ -).")
        String name;

        @Option(names = "--role", paramLabel = "ROLE", defaultValue = "viewer",
                description = "viewer (read), submitter (also upload and analyse) or admin (also delete, API keys); default ${DEFAULT-VALUE}.")
        String role;

        @Option(names = "--index", paramLabel = "N", defaultValue = "0",
                description = "Index in shotscope.security.users[N]; default ${DEFAULT-VALUE}.")
        int index;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!NAME.matcher(name).matches()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "user names are 1 to 64 letters, digits, '.', '_', '@' or '-', got: " + name);
            }
            UserRole userRole;
            try {
                userRole = UserRole.parse(role);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            char[] password = readPassword();
            try {
                if (password == null || password.length < MIN_PASSWORD_LENGTH) {
                    err.println("shotscope user add: the password must be at least " + MIN_PASSWORD_LENGTH
                            + " characters (read from stdin)");
                    return 2;
                }
                String hash = new BCryptPasswordEncoder().encode(java.nio.CharBuffer.wrap(password));
                String key = "shotscope.security.users[" + index + "]";
                out.println("# shotscope user " + name + " (" + userRole.label() + "): add to application.properties");
                out.println(key + ".name=" + name);
                out.println(key + ".password-hash=" + hash);
                out.println(key + ".role=" + userRole.label());
                out.flush();
                return 0;
            } finally {
                if (password != null) {
                    Arrays.fill(password, '\0');
                }
            }
        }

        private static char[] readPassword() throws IOException {
            Console console = System.console();
            if (console != null) {
                char[] first = console.readPassword("Password for the new user: ");
                char[] again = console.readPassword("Again: ");
                if (first == null || !Arrays.equals(first, again)) {
                    console.printf("the passwords differ%n");
                    return null;
                }
                return first;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            return line == null ? null : line.toCharArray();
        }
    }
}
