package io.shotscope.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * The start-up rules: no open API on a reachable address, a first start without users says what to do, and a
 * Redis URL that cannot be used is refused in one line.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecurityStartupIT {

    @TempDir
    Path root;

    private List<String> embedded() {
        return List.of("--shotscope.data.dir=" + root.resolve("data"), "--shotscope.watch.dir=" + root.resolve("drop"),
                "--shotscope.dashboard.enabled=false", "--shotscope.model.dir=none");
    }

    @Test
    void securityDisabledOnAReachableAddressRefusesToStartWithExitCode2(CapturedOutput log) {
        StringWriter err = new StringWriter();
        List<String> args = new java.util.ArrayList<>(List.of("serve", "--port", Integer.toString(TestSettings.freePort()),
                "--shotscope.security.enabled=false", "--shotscope.address=0.0.0.0"));
        args.addAll(embedded());

        int code = new CommandLine(new ServiceMain()).setErr(new PrintWriter(err)).execute(args.toArray(String[]::new));

        assertEquals(2, code, err.toString());
        assertEquals(1, err.toString().strip().lines().count(), "one line: " + err);
        assertTrue(err.toString().contains("loopback"), err.toString());
        assertTrue(!log.getAll().contains("stack_trace"), "a refused start logs its reason, not a stack trace");
    }

    @Test
    void aBadRedisUrlRefusesToStartInOneLineWithoutItsPassword(CapturedOutput log) {
        StringWriter err = new StringWriter();
        List<String> args = new java.util.ArrayList<>(List.of("serve", "--port", Integer.toString(TestSettings.freePort()),
                "--shotscope.redis.url=redis://shotscope:s3cret@cache:6379/zero"));
        args.addAll(embedded());

        int code = new CommandLine(new ServiceMain()).setErr(new PrintWriter(err)).execute(args.toArray(String[]::new));

        assertEquals(2, code, err.toString());
        assertEquals(1, err.toString().strip().lines().count(), "one line: " + err);
        assertTrue(err.toString().contains("shotscope.redis.url: the Redis URL must look like redis://"), err.toString());
        assertTrue(err.toString().endsWith("the path must be a database number" + System.lineSeparator()),
                err.toString());
        assertTrue(!err.toString().contains("s3cret") && !log.getAll().contains("s3cret"), "the password is not shown");
    }

    @Test
    void withSecurityTheServiceListensOnEveryInterfaceButKeepsTheDashboardOnLoopback() throws Exception {
        int dashboardPort = TestSettings.freePort();
        List<String> args = new java.util.ArrayList<>(List.of("--server.port=0", "--shotscope.address=0.0.0.0"));
        args.addAll(embedded());
        args.set(args.indexOf("--shotscope.dashboard.enabled=false"), "--shotscope.dashboard.port=" + dashboardPort);
        args.addAll(TestSettings.userArguments());
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(ShotscopeApplication.class)
                .run(args.toArray(String[]::new))) {
            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            ApiClient anonymous = ApiClient.anonymous(port);

            assertEquals(200, anonymous.get("/health").status());
            assertEquals(401, anonymous.get("/api/v1/shots").status());
            assertEquals(401, anonymous.get("/metrics").status(), "metrics=auto closes /metrics on a reachable address");
            assertEquals(401, anonymous.get("/docs/openapi.json").status(), "docs=auto closes /docs likewise");
            assertEquals(200, ApiClient.as(port, TestSettings.VIEWER).get("/docs/openapi.json").status());
            assertEquals(200, ApiClient.anonymous(dashboardPort).get("/dashboard").status() / 100 * 100,
                    "the dashboard answers on loopback");
            InetAddress reachable = nonLoopbackAddress();
            if (reachable != null) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(reachable, port), 2000);
                }
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(reachable, dashboardPort), 2000);
                    throw new AssertionError("the dashboard must not listen on " + reachable);
                } catch (java.io.IOException refused) {
                    // expected: the dashboard listens on 127.0.0.1 only
                }
            }
        }
    }

    private static InetAddress nonLoopbackAddress() throws java.net.SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (!address.isLoopbackAddress() && address instanceof java.net.Inet4Address) {
                    return address;
                }
            }
        }
        return null;
    }

    @Test
    void withoutAnyUserTheApiAnswers401AndTheLogSaysHowToCreateOne(CapturedOutput log) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--server.port=0"));
        args.addAll(embedded());
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(ShotscopeApplication.class)
                .run(args.toArray(String[]::new))) {
            ApiClient anonymous = ApiClient.anonymous(((WebServerApplicationContext) service).getWebServer().getPort());

            assertEquals(200, anonymous.get("/health").status());
            assertEquals(401, anonymous.get("/api/v1/shots").status());
            assertEquals(401, anonymous.postJson("/api/v1/shots/analyze-path", "{}").status());
            assertEquals(401, anonymous.postJson("/api/v1/auth/token",
                    "{\"user\": \"admin\", \"password\": \"admin\"}").status());
            assertTrue(log.getOut().contains("./shotscope user add NAME --role admin"), "the command is printed");

            Path secret = root.resolve("data").resolve("token-secret");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)),
                    "the generated token secret is readable by its owner only");
        }
    }
}
