package io.shotscope.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServeCommandTest {

    private static List<String> springArguments(String... args) {
        ServeCommand serve = new ServeCommand();
        CommandLine cli = new CommandLine(serve);
        cli.parseArgs(args);
        return serve.springArguments();
    }

    @Test
    void rolesAndPortBecomeSpringArguments() {
        assertEquals(List.of(), springArguments());
        assertEquals(List.of("--shotscope.role=worker"), springArguments("--worker"));
        assertEquals(List.of("--shotscope.role=api", "--shotscope.port=9000"), springArguments("--no-worker", "--port", "9000"));
    }

    @Test
    void anySettingCanBePassedSpringStyle() {
        assertEquals(List.of("--shotscope.redis.url=redis://cache:6379"),
                springArguments("--shotscope.redis.url=redis://cache:6379"));
    }

    @Test
    void workerAndNoWorkerTogetherIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new ServiceMain()).setErr(new PrintWriter(err))
                .execute("serve", "--worker", "--no-worker");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--worker and --no-worker exclude each other"), err.toString());
    }

    @Test
    void aSettingThatIsNotKeyEqualsValueIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new ServiceMain()).setErr(new PrintWriter(err)).execute("serve", "stray");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--shotscope.<key>=<value>"), err.toString());
    }
}
