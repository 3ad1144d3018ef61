package org.boxoffice.partner;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import org.boxoffice.platform.ProviderRejected;
import org.boxoffice.platform.ProviderUnavailable;
import org.boxoffice.platform.WholeExchange;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One request to a provider's JSON API with the JDK client, on virtual threads: no usable answer
 * is a {@link ProviderUnavailable} (worth retrying with the same key), a request the provider
 * refused as such a {@link ProviderRejected}. Business answers (a 409) are left to the adapter.
 */
final class JsonHttp implements AutoCloseable {

    private final String provider;
    private final JsonMapper json;
    private final HttpClient http;

    JsonHttp(String provider, Duration connectTimeout, JsonMapper json) {
        this.provider = provider;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    HttpResponse<byte[]> get(String url, Duration timeout) {
        return send(url, request -> request.GET(), timeout);
    }

    HttpResponse<byte[]> post(String url, Object body, Duration timeout) {
        var bytes = json.writeValueAsBytes(body);
        return send(
                url,
                request -> request.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)),
                timeout);
    }

    HttpResponse<byte[]> delete(String url, Duration timeout) {
        return send(url, request -> request.DELETE(), timeout);
    }

    // An unreadable answer says nothing about what happened; asking again with the same key will.
    JsonNode read(HttpResponse<byte[]> response) {
        try {
            var node = json.readTree(response.body());
            if (node == null || !node.isObject()) {
                throw new ProviderUnavailable(provider + " answered something other than a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new ProviderUnavailable(provider + "'s answer is not JSON", e);
        }
    }

    /** A text field of an answer, required. */
    String field(JsonNode node, String name) {
        var value = node.path(name);
        if (!value.isString() || value.asString().isBlank()) {
            throw new ProviderUnavailable(provider + "'s answer lacks " + name);
        }
        return value.asString();
    }

    /** The failure a status that is no answer the adapter understands stands for. */
    RuntimeException failure(String operation, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        var body = new String(response.body(), StandardCharsets.UTF_8);
        var message = provider + " answered " + status + " to " + operation + ": "
                + body.substring(0, Math.min(body.length(), 300));
        return status == 429 || status >= 500 ? new ProviderUnavailable(message) : new ProviderRejected(message);
    }

    static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        http.shutdownNow();
    }

    private HttpResponse<byte[]> send(String url, UnaryOperator<HttpRequest.Builder> method, Duration timeout) {
        HttpRequest request;
        try {
            request = method.apply(HttpRequest.newBuilder(URI.create(url)))
                    .timeout(timeout)
                    .header("Accept", "application/json")
                    .build();
        } catch (IllegalArgumentException e) {
            // A partner's URL comes from an event's definition; one we cannot call is no reason to retry.
            throw new ProviderRejected("Cannot call " + provider + " at " + url + ": " + e.getMessage());
        }
        return WholeExchange.send(http, request, timeout, provider);
    }
}
