package io.shotscope.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import picocli.CommandLine;

class UserCommandTest {

    record Run(int code, String out, String err) {
    }

    private static Run run(String stdin, String... args) {
        InputStream original = System.in;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            int code = new CommandLine(new ServiceMain()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                    .execute(args);
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void userAddPrintsConfigurationLinesWithABcryptHashOfThePasswordFromStdin() {
        Run run = run("correct horse battery\n", "user", "add", "alice", "--role", "admin", "--index", "2");

        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("shotscope.security.users[2].name=alice\n"), run.out());
        assertTrue(run.out().contains("shotscope.security.users[2].role=admin\n"), run.out());
        String hash = run.out().lines().filter(l -> l.startsWith("shotscope.security.users[2].password-hash="))
                .findFirst().orElseThrow().split("=", 2)[1];
        assertTrue(new BCryptPasswordEncoder().matches("correct horse battery", hash), hash);
        assertFalse(run.out().contains("correct horse battery"), "the password is never printed");
    }

    @Test
    void aShortPasswordIsRefused() {
        Run run = run("short\n", "user", "add", "bob");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("at least " + UserCommand.MIN_PASSWORD_LENGTH), run.err());
        assertEquals("", run.out());
    }

    @Test
    void anUnknownRoleOrABadNameIsAUsageError() {
        assertEquals(2, run("long enough password\n", "user", "add", "carol", "--role", "root").code());
        assertEquals(2, run("long enough password\n", "user", "add", "carol smith").code());
    }

    @Test
    void rolesIncludeTheOnesBelowThem() {
        assertEquals(java.util.List.of("ROLE_VIEWER"), UserRole.VIEWER.authorities());
        assertEquals(java.util.List.of("ROLE_VIEWER", "ROLE_SUBMITTER", "ROLE_ADMIN"), UserRole.ADMIN.authorities());
    }
}
