package org.boxoffice.loadtest.drills;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON over HTTP/1.1 to one loopback base URL; a refused or broken connection is an answer too (status 0). */
final class DrillHttp {

    /** One answer; {@code status} 0 when no HTTP answer came (server down, connection reset). */
    record Answer(
            int status,
            JsonNode body,
            @Nullable String retryAfter,
            @Nullable String failure) {

        @Nullable
        String code() {
            var code = body.path("code");
            return code.isString() ? code.asString() : null;
        }

        boolean noAnswer() {
            return status == 0;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    DrillHttp(String baseUrl) {
        if (!baseUrl.startsWith("http://127.0.0.1:") && !baseUrl.startsWith("http://localhost:")) {
            throw new IllegalArgumentException("Drills talk to loopback only: " + baseUrl);
        }
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    Answer get(String path, @Nullable String token) throws InterruptedException {
        return send(request(path, token).GET());
    }

    Answer post(String path, @Nullable String token, @Nullable String idempotencyKey, Object body)
            throws InterruptedException {
        var request = request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    private HttpRequest.Builder request(String path, @Nullable String token) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                // Longer than the server's wait for a running duplicate (30 s), so that its 409 is seen.
                .timeout(Duration.ofSeconds(45))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private Answer send(HttpRequest.Builder request) throws InterruptedException {
        try {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            var text = response.body();
            JsonNode body;
            try {
                body = text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            } catch (RuntimeException e) {
                body = JSON.createObjectNode();
            }
            return new Answer(
                    response.statusCode(),
                    body,
                    response.headers().firstValue("Retry-After").orElse(null),
                    null);
        } catch (IOException e) {
            return new Answer(0, JSON.createObjectNode(), null, e.getClass().getSimpleName());
        }
    }
}
