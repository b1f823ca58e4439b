package io.shotscope.service;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A plain HTTP client of one running service, as any client of the API would use it. By default it signs
 * in as the test admin ({@link TestSettings}) on first use; tokens are kept per port and user.
 */
final class ApiClient {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    static final Duration ANALYSIS_PATIENCE = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Signs in when a request needs a credential; null: send none. */
    private final Function<ApiClient, String> credential;
    /** Sends the credential as an API key in X-API-Key instead of as Authorization: Bearer. */
    private final boolean apiKeyHeader;

    /** A client signed in as the test admin. */
    ApiClient(int port) {
        this(port, client -> client.token(TestSettings.ADMIN));
    }

    private ApiClient(int port, Function<ApiClient, String> credential) {
        this(port, credential, false);
    }

    private ApiClient(int port, Function<ApiClient, String> credential, boolean apiKeyHeader) {
        this.base = "http://127.0.0.1:" + port;
        this.credential = credential;
        this.apiKeyHeader = apiKeyHeader;
    }

    /** A client sending an API key in the X-API-Key header. */
    static ApiClient withApiKeyHeader(int port, String key) {
        return new ApiClient(port, client -> key, true);
    }

    /** A client that sends no credential. */
    static ApiClient anonymous(int port) {
        return new ApiClient(port, null);
    }

    /** A client signed in as one of the test users. */
    static ApiClient as(int port, String user) {
        return new ApiClient(port, client -> client.token(user));
    }

    /** A client sending this bearer token (a JWT or an API key) as it is. */
    static ApiClient withBearer(int port, String bearer) {
        return new ApiClient(port, client -> bearer);
    }

    /** A bearer token of a test user, signed in once per service and user. */
    String token(String user) {
        return TOKENS.computeIfAbsent(base + " " + user, k -> {
            Response response = send(HttpRequest.newBuilder(uri("/api/v1/auth/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user\": \"" + user + "\", \"password\": \""
                            + TestSettings.password(user) + "\"}")), false);
            if (response.status() != 200) {
                throw new AssertionError("signing in as " + user + " answered " + response.status() + ": " + response.text());
            }
            return response.json().path("access_token").asText();
        });
    }

    /** Any request, with this client's credential; for headers the other methods do not set. */
    Response send(HttpRequest.Builder request) {
        return send(request, true);
    }

    record Response(int status, Optional<String> contentType, Optional<String> location, byte[] body,
                    HttpHeaders headers) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }

        /** The shot id at the end of the Location header. */
        String shotId() {
            String url = location.orElseThrow(() -> new AssertionError("no Location header: " + status + " " + text()));
            return url.substring(url.lastIndexOf('/') + 1);
        }
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    Response postJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Uploads a file as multipart/form-data part "file", streamed from disk. */
    Response upload(Path file, String fileName) {
        String boundary = "shotscope-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        try {
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofString(head), HttpRequest.BodyPublishers.ofFile(file),
                    HttpRequest.BodyPublishers.ofString(tail));
            return send(HttpRequest.newBuilder(uri("/api/v1/shots"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shot once it is DONE or FAILED; fails the test when that takes longer than the patience. */
    JsonNode awaitFinished(String shotId) {
        Instant deadline = Instant.now().plus(ANALYSIS_PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            JsonNode shot = get("/api/v1/shots/" + shotId).json();
            String status = shot.path("status").asText();
            if (status.equals("DONE") || status.equals("FAILED")) {
                return shot;
            }
            sleep(Duration.ofMillis(500));
        }
        return fail("shot " + shotId + " did not finish in " + ANALYSIS_PATIENCE + ": "
                + get("/api/v1/shots/" + shotId).text());
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    private Response send(HttpRequest.Builder request, boolean withCredential) {
        if (withCredential && credential != null) {
            if (apiKeyHeader) {
                request.header("X-API-Key", credential.apply(this));
            } else {
                request.header("Authorization", "Bearer " + credential.apply(this));
            }
        }
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type"),
                    response.headers().firstValue("Location"), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
