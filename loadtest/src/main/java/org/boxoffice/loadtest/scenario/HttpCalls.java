package org.boxoffice.loadtest.scenario;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Sends one request to the server under test, times it and records it in {@link CallStats}.
 * Every URL is the base URL plus an API path, and redirects are not followed, so no request of
 * the runner ever leaves for another host.
 */
final class HttpCalls {

    private final URI baseUrl;
    private final HttpClient client;
    private final Duration requestTimeout;
    private final CallStats stats;
    private final JsonMapper json;

    HttpCalls(URI baseUrl, HttpClient client, Duration requestTimeout, CallStats stats, JsonMapper json) {
        this.baseUrl = baseUrl;
        this.client = client;
        this.requestTimeout = requestTimeout;
        this.stats = stats;
        this.json = json;
    }

    /**
     * An HTTP/1.1 client on virtual threads. HTTP/1.1 because that is what browsers and load
     * balancers speak to the server, and one connection per concurrent traveler is the load a
     * real crowd puts on it.
     */
    static HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    Reply get(CallType type, String path, @Nullable String token) throws InterruptedException {
        return send(type, request(path, token).GET().build());
    }

    Reply post(CallType type, String path, @Nullable String token, @Nullable String idempotencyKey, Object body)
            throws InterruptedException {
        var request = request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(type, request.build());
    }

    private HttpRequest.Builder request(String path, @Nullable String token) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout)
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private Reply send(CallType type, HttpRequest request) throws InterruptedException {
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return unanswered(type, "timeout");
        } catch (IOException e) {
            return unanswered(type, e.getClass().getSimpleName());
        }
        var roundTrip = Duration.ofNanos(System.nanoTime() - started);
        var reply = new Reply(response.statusCode(), parse(response.body()), null, retryAfter(response));
        var timing = ServerTiming.parse(response.headers().allValues("Server-Timing"));
        stats.record(type, roundTrip, reply.label(), timing);
        return reply;
    }

    /** Counted, but kept out of the latency figures: a refused connection takes no time at all. */
    private Reply unanswered(CallType type, String why) {
        var reply = Reply.noAnswer(why);
        stats.countUnanswered(type, reply.label());
        return reply;
    }

    private JsonNode parse(String body) {
        if (body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            // A proxy's HTML error page, say: the status still tells what happened.
            return MissingNode.getInstance();
        }
    }

    private static @Nullable Duration retryAfter(HttpResponse<?> response) {
        var value = response.headers().firstValue("Retry-After").orElse(null);
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return null; // An HTTP date: the journey's own backoff will do.
        }
    }
}
