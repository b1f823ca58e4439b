package io.shotscope.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A small client of the shotscope REST API for tests and benchmarks that drive a running service. */
public final class ShotApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);

    private final URI base;
    private final HttpClient http;
    /** Sent as {@code Authorization: Bearer}; null sends no credential (a service with security disabled). */
    private final String bearer;

    /** A client that sends no credential. */
    public ShotApi(URI base) {
        this(base, null);
    }

    /** A client sending this bearer token or API key with every request. */
    public ShotApi(URI base, String bearer) {
        this.base = base;
        this.bearer = bearer;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Signs in ({@code POST /api/v1/auth/token}) and returns a client using the token. */
    public static ShotApi signIn(URI base, String user, String password) {
        ShotApi anonymous = new ShotApi(base);
        String body = JSON.createObjectNode().put("user", user).put("password", password).toString();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/auth/token")).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return new ShotApi(base, anonymous.sendForJson(request, 200).get("access_token").asText());
    }

    /** POST /api/v1/shots/analyze-path; returns the shot's id (202 queued, or 201 answered from earlier results). */
    public UUID analyzePath(String path) {
        String body = JSON.createObjectNode().put("path", path).toString();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/shots/analyze-path"))
                .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return UUID.fromString(sendForJson(request, 202, 201).get("id").asText());
    }

    /** POST /api/v1/shots with the file as multipart field {@code file}; returns the shot's id (202 or 201). */
    public UUID upload(Path file) {
        String boundary = "shotscope" + UUID.randomUUID().toString().replace("-", "");
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        try {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/shots")).timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                            HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail)))
                    .build();
            return UUID.fromString(sendForJson(request, 202, 201).get("id").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GET /api/v1/shots/{id}. */
    public JsonNode shot(UUID id) {
        return sendForJson(HttpRequest.newBuilder(base.resolve("/api/v1/shots/" + id)).timeout(REQUEST_TIMEOUT)
                .build(), 200);
    }

    /** Polls until the shot is DONE or FAILED and returns it; fails after {@code timeout}. */
    public JsonNode awaitFinished(UUID id, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonNode shot = shot(id);
            String status = shot.get("status").asText();
            if (status.equals("DONE") || status.equals("FAILED")) {
                return shot;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("shot " + id + " still " + status + " after " + timeout);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Every shot of a list, finished, in the same order. */
    public List<JsonNode> awaitAllFinished(List<UUID> ids, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<JsonNode> done = new java.util.ArrayList<>();
        for (UUID id : ids) {
            done.add(awaitFinished(id, Duration.between(Instant.now(), deadline).isNegative() ? Duration.ZERO
                    : Duration.between(Instant.now(), deadline)));
        }
        return done;
    }

    /** Status code of a GET, for latency measurements that do not parse the body. */
    public int get(String path) {
        try {
            return http.send(authorized(HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT).build()),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode sendForJson(HttpRequest request, int... expectedStatus) {
        try {
            HttpResponse<String> response = http.send(authorized(request), HttpResponse.BodyHandlers.ofString());
            if (java.util.Arrays.stream(expectedStatus).noneMatch(s -> s == response.statusCode())) {
                throw new AssertionError(request.method() + " " + request.uri() + " answered " + response.statusCode()
                        + " (expected " + java.util.Arrays.toString(expectedStatus) + "): " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest authorized(HttpRequest request) {
        if (bearer == null || request.headers().firstValue("Authorization").isPresent()) {
            return request;
        }
        return HttpRequest.newBuilder(request, (name, value) -> true).header("Authorization", "Bearer " + bearer).build();
    }

    /** Reads a file's text, for log assertions. */
    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
