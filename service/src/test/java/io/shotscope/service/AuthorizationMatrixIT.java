package io.shotscope.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every endpoint x every kind of caller gets the expected status: no credential, each role, an API key
 * (as Bearer and as X-API-Key), and tokens that must be refused (expired, tampered, alg=none, another
 * algorithm, wrong audience, wrong issuer, a revoked key). The service runs with a known token secret
 * so this test can forge tokens the way an attacker with a stolen format but not the key would.
 */
@SpringBootTest(classes = ShotscopeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class AuthorizationMatrixIT {

    static final String SECRET = "matrix-secret-".repeat(6);
    static final String ISSUER = "shotscope";
    static final String AUDIENCE = "shotscope-api";

    @TempDir
    static Path root;
    static Path notAPlate;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.fastAnalysis(registry, root);
        registry.add("shotscope.security.token.secret", () -> SECRET);
        registry.add("shotscope.dashboard.enabled", () -> false);
        registry.add("shotscope.security.rate-limit.per-address", () -> 100_000);
        registry.add("shotscope.security.rate-limit.per-principal", () -> 100_000);
    }

    @BeforeAll
    static void writeAFileThatIsNoPlate() throws Exception {
        notAPlate = root.resolve("notes.mov");
        Files.writeString(notAPlate, "not a movie");
    }

    /** Who is calling. */
    enum Caller { NONE, VIEWER, SUBMITTER, ADMIN, KEY_SUBMITTER, KEY_HEADER_VIEWER, REVOKED_KEY, EXPIRED, TAMPERED,
        ALG_NONE, ALG_HS512, ALG_RS256, WRONG_AUDIENCE, WRONG_ISSUER }

    /** Callers whose credential must be refused: 401 wherever a credential is needed. */
    static final List<Caller> REFUSED = List.of(Caller.NONE, Caller.REVOKED_KEY, Caller.EXPIRED, Caller.TAMPERED,
            Caller.ALG_NONE, Caller.ALG_HS512, Caller.ALG_RS256, Caller.WRONG_AUDIENCE, Caller.WRONG_ISSUER);

    /** Who may call an endpoint. */
    enum Access { ANYONE, VIEWER, SUBMITTER, ADMIN }

    /**
     * @param name    how the row is shown
     * @param access  the least role that may call it
     * @param allowed the status a caller who may call it gets (the request is built to give a known answer)
     */
    record Endpoint(String name, Access access, int allowed, Request request) {
        @Override
        public String toString() {
            return name;
        }
    }

    interface Request {
        ApiClient.Response send(ApiClient client);
    }

    static final String UNKNOWN = UUID.randomUUID().toString();

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("POST /api/v1/auth/token", Access.ANYONE, 200, c -> c.postJson("/api/v1/auth/token",
                        "{\"user\": \"" + TestSettings.VIEWER + "\", \"password\": \""
                                + TestSettings.password(TestSettings.VIEWER) + "\"}")),
                new Endpoint("GET /api/v1/shots", Access.VIEWER, 200, c -> c.get("/api/v1/shots")),
                new Endpoint("GET /api/v1/shots/{id}", Access.VIEWER, 404, c -> c.get("/api/v1/shots/" + UNKNOWN)),
                new Endpoint("GET /api/v1/shots/{id}/frames", Access.VIEWER, 404,
                        c -> c.get("/api/v1/shots/" + UNKNOWN + "/frames")),
                new Endpoint("GET /api/v1/shots/{id}/thumbnail", Access.VIEWER, 404,
                        c -> c.get("/api/v1/shots/" + UNKNOWN + "/thumbnail")),
                new Endpoint("GET /api/v1/shots/{id}/filmstrip", Access.VIEWER, 404,
                        c -> c.get("/api/v1/shots/" + UNKNOWN + "/filmstrip")),
                new Endpoint("GET /api/v1/shots/{id}/filmstrip/{frame}.jpg", Access.VIEWER, 404,
                        c -> c.get("/api/v1/shots/" + UNKNOWN + "/filmstrip/0.jpg")),
                new Endpoint("GET /api/v1/shots/export.csv", Access.VIEWER, 200, c -> c.get("/api/v1/shots/export.csv")),
                new Endpoint("POST /api/v1/shots", Access.SUBMITTER, 422, c -> c.upload(notAPlate, "notes.mov")),
                new Endpoint("POST /api/v1/shots/analyze-path", Access.SUBMITTER, 400,
                        c -> c.postJson("/api/v1/shots/analyze-path", "{}")),
                new Endpoint("DELETE /api/v1/shots/{id}", Access.ADMIN, 404, c -> c.delete("/api/v1/shots/" + UNKNOWN)),
                new Endpoint("POST /api/v1/keys", Access.ADMIN, 201,
                        c -> c.postJson("/api/v1/keys", "{\"name\": \"matrix\", \"role\": \"viewer\"}")),
                new Endpoint("GET /api/v1/keys", Access.ADMIN, 200, c -> c.get("/api/v1/keys")),
                new Endpoint("DELETE /api/v1/keys/{id}", Access.ADMIN, 404, c -> c.delete("/api/v1/keys/" + UNKNOWN)),
                new Endpoint("GET /health", Access.ANYONE, 200, c -> c.get("/health")),
                new Endpoint("GET /ready", Access.ANYONE, 200, c -> c.get("/ready")),
                new Endpoint("GET /metrics (open on loopback)", Access.ANYONE, 200, c -> c.get("/metrics")),
                new Endpoint("GET /docs (open on loopback)", Access.ANYONE, 302, c -> c.get("/docs")),
                new Endpoint("GET /docs/openapi.json", Access.ANYONE, 200, c -> c.get("/docs/openapi.json")));
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Caller caller : Caller.values()) {
                cases.add(Arguments.of(endpoint, caller, expected(endpoint, caller)));
            }
        }
        return cases.stream();
    }

    static int expected(Endpoint endpoint, Caller caller) {
        if (endpoint.access() == Access.ANYONE) {
            return endpoint.allowed();
        }
        if (REFUSED.contains(caller)) {
            return 401;
        }
        Access role = switch (caller) {
            case VIEWER, KEY_HEADER_VIEWER -> Access.VIEWER;
            case SUBMITTER, KEY_SUBMITTER -> Access.SUBMITTER;
            case ADMIN -> Access.ADMIN;
            default -> throw new IllegalStateException(caller.toString());
        };
        return role.ordinal() >= endpoint.access().ordinal() ? endpoint.allowed() : 403;
    }

    private static final Map<Caller, String> credentials = new EnumMap<>(Caller.class);

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("matrix")
    void everyEndpointAnswersEveryCallerAsExpected(Endpoint endpoint, Caller caller, int expected) throws Exception {
        ApiClient.Response response = endpoint.request().send(client(caller));

        assertEquals(expected, response.status(), endpoint + " as " + caller + ": " + response.text());
        if (expected == 401 || expected == 403) {
            assertEquals("application/problem+json", response.contentType().orElse(""), response.text());
            assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                    "401 and 403 carry a Bearer challenge: " + response.headers().map());
        }
    }

    @Test
    void refusedTokensSayWhyInTheChallenge() throws Exception {
        ApiClient.Response expired = client(Caller.EXPIRED).get("/api/v1/shots");
        assertTrue(expired.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"),
                expired.headers().map().toString());
        assertTrue(expired.json().path("detail").asText().contains("expired"), expired.text());
    }

    @Test
    void responsesCarrySecurityHeaders() {
        ApiClient.Response api = ApiClient.as(port, TestSettings.VIEWER).get("/api/v1/shots");
        assertEquals("nosniff", api.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("DENY", api.headers().firstValue("X-Frame-Options").orElse(""));
        assertTrue(api.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
        ApiClient.Response docs = ApiClient.anonymous(port).get("/docs/openapi.json");
        assertTrue(docs.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"),
                docs.headers().map().toString());
    }

    @Test
    void corsIsClosedByDefault() {
        ApiClient.Response preflight = ApiClient.anonymous(port).send(HttpRequest.newBuilder(
                        ApiClient.anonymous(port).uri("/api/v1/shots"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET"));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), preflight.headers().map().toString());
        ApiClient.Response get = ApiClient.as(port, TestSettings.VIEWER).send(HttpRequest.newBuilder(
                ApiClient.anonymous(port).uri("/api/v1/shots")).header("Origin", "https://evil.example"));
        assertTrue(get.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), get.headers().map().toString());
    }

    @Test
    void passwordsTokensAndKeysNeverReachTheLog(CapturedOutput log) {
        ApiClient anonymous = ApiClient.anonymous(port);
        String password = TestSettings.password(TestSettings.ADMIN);
        ApiClient.Response signedIn = anonymous.postJson("/api/v1/auth/token",
                "{\"user\": \"" + TestSettings.ADMIN + "\", \"password\": \"" + password + "\"}");
        assertEquals(200, signedIn.status(), signedIn.text());
        String token = signedIn.json().path("access_token").asText();
        String wrongPassword = "wrong-password-" + UUID.randomUUID();
        assertEquals(401, anonymous.postJson("/api/v1/auth/token",
                "{\"user\": \"" + TestSettings.ADMIN + "\", \"password\": \"" + wrongPassword + "\"}").status());
        ApiClient.Response key = ApiClient.withBearer(port, token).postJson("/api/v1/keys",
                "{\"name\": \"log-check\", \"role\": \"viewer\"}");
        assertEquals(201, key.status(), key.text());
        String secret = key.json().path("secret").asText();
        assertEquals(200, ApiClient.withBearer(port, secret).get("/api/v1/shots").status());

        String output = log.getAll();
        assertTrue(output.contains("signed in"), "the sign-in itself is logged");
        assertTrue(output.contains("log-check"), "the key's creation is logged");
        for (String hidden : List.of(password, wrongPassword, token, secret, secret.substring(4))) {
            assertTrue(!output.contains(hidden), "a secret reached the log: " + hidden.substring(0, 6) + "...");
        }
    }

    @Test
    void aRevokedKeyIsRefusedAtOnce() {
        ApiClient admin = new ApiClient(port);
        String secret = admin.postJson("/api/v1/keys", "{\"name\": \"short-lived\", \"role\": \"viewer\"}")
                .json().path("secret").asText();
        ApiClient key = ApiClient.withBearer(port, secret);
        assertEquals(200, key.get("/api/v1/shots").status());
        String id = null;
        for (var listed : admin.get("/api/v1/keys").json()) {
            if (listed.path("name").asText().equals("short-lived")) {
                id = listed.path("id").asText();
            }
        }
        assertEquals(204, admin.delete("/api/v1/keys/" + id).status());
        assertEquals(401, key.get("/api/v1/shots").status());
        assertTrue(admin.get("/api/v1/keys").text().indexOf(secret) < 0, "the list never shows a secret");
    }

    private ApiClient client(Caller caller) throws JOSEException {
        return switch (caller) {
            case NONE -> ApiClient.anonymous(port);
            case VIEWER -> ApiClient.as(port, TestSettings.VIEWER);
            case SUBMITTER -> ApiClient.as(port, TestSettings.SUBMITTER);
            case ADMIN -> ApiClient.as(port, TestSettings.ADMIN);
            case KEY_HEADER_VIEWER -> ApiClient.withApiKeyHeader(port, credential(caller));
            default -> ApiClient.withBearer(port, credential(caller));
        };
    }

    /** The credential of a caller, made once per test class. */
    private synchronized String credential(Caller caller) throws JOSEException {
        String known = credentials.get(caller);
        if (known != null) {
            return known;
        }
        Instant now = Instant.now();
        String value = switch (caller) {
            case KEY_SUBMITTER -> newKey("submitter");
            case KEY_HEADER_VIEWER -> newKey("viewer");
            case REVOKED_KEY -> {
                ApiClient admin = new ApiClient(port);
                var created = admin.postJson("/api/v1/keys", "{\"name\": \"revoked\", \"role\": \"admin\"}").json();
                admin.delete("/api/v1/keys/" + created.path("id").asText());
                yield created.path("secret").asText();
            }
            case EXPIRED -> signed(JWSAlgorithm.HS256, claims(ISSUER, AUDIENCE, now.minus(Duration.ofHours(2)),
                    now.minus(Duration.ofHours(1))));
            case TAMPERED -> {
                String good = signed(JWSAlgorithm.HS256, claims(ISSUER, AUDIENCE, now, now.plus(Duration.ofHours(1))));
                String[] parts = good.split("\\.");
                String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"viewer\"", "\"admin\"");
                yield parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
            }
            case ALG_NONE -> new PlainJWT(claims(ISSUER, AUDIENCE, now, now.plus(Duration.ofHours(1)))).serialize();
            case ALG_HS512 -> signed(JWSAlgorithm.HS512, claims(ISSUER, AUDIENCE, now, now.plus(Duration.ofHours(1))));
            case ALG_RS256 -> {
                String good = signed(JWSAlgorithm.HS256, claims(ISSUER, AUDIENCE, now, now.plus(Duration.ofHours(1))));
                String header = Base64.getUrlEncoder().withoutPadding()
                        .encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
                yield header + good.substring(good.indexOf('.'));
            }
            case WRONG_AUDIENCE -> signed(JWSAlgorithm.HS256, claims(ISSUER, "someone-else", now,
                    now.plus(Duration.ofHours(1))));
            case WRONG_ISSUER -> signed(JWSAlgorithm.HS256, claims("https://evil.example", AUDIENCE, now,
                    now.plus(Duration.ofHours(1))));
            default -> throw new IllegalStateException(caller.toString());
        };
        credentials.put(caller, value);
        return value;
    }

    private String newKey(String role) {
        ApiClient.Response created = new ApiClient(port).postJson("/api/v1/keys",
                "{\"name\": \"matrix-" + role + "\", \"role\": \"" + role + "\"}");
        assertEquals(201, created.status(), created.text());
        return created.json().path("secret").asText();
    }

    /** A viewer's claims: tampering them into an admin's must not work. */
    private static JWTClaimsSet claims(String issuer, String audience, Instant issued, Instant expires) {
        return new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(TestSettings.VIEWER)
                .issueTime(Date.from(issued)).expirationTime(Date.from(expires)).claim("role", "viewer")
                .jwtID(UUID.randomUUID().toString()).build();
    }

    private static String signed(JWSAlgorithm algorithm, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
        jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
