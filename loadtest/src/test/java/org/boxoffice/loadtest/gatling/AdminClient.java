package org.boxoffice.loadtest.gatling;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The set-up and check calls of the simulations, made outside Gatling with the JDK client so
 * they never show in a report: finding or creating the stadium, minting buyers' tokens, reading
 * counts and invariants.
 */
final class AdminClient {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final URI baseUrl;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private @Nullable String adminToken;

    AdminClient(String baseUrl) {
        this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    }

    /** Logs the administrator in; the calls marked admin below need it first. */
    AdminClient login(String email, String password) {
        var answer = send("POST", "api/v1/auth/login", Map.of("email", email, "password", password), 200);
        adminToken = answer.path("accessToken").asString();
        return this;
    }

    /** The demo stadium concert's id, found as a visitor would: {@code GET /events?kind=CONCERT&q=Celeste}. */
    String demoStadiumId() {
        var page = send(
                "GET",
                "api/v1/events?kind=CONCERT&q=" + URLEncoder.encode("Celeste", StandardCharsets.UTF_8),
                null,
                200);
        for (var event : page.path("items")) {
            if (event.path("capacity").asLong() == Stadium.CAPACITY) {
                return event.path("id").asString();
            }
        }
        throw new IllegalStateException("no 100,000-seat Celeste concert in " + page);
    }

    /** Creates a venue and an event like the demo stadium's, with looser per-user rules. Admin. */
    String createStadium(String title, Map<String, Object> rules) {
        var venue = send("POST", "api/v1/admin/venues", Stadium.venue(title), 201);
        var event = send(
                "POST", "api/v1/admin/events", Stadium.event(venue.path("id").asString(), title, rules), 201);
        return event.path("id").asString();
    }

    /** Tokens for these users, in the order the server answers. Admin. */
    List<String> mintTokens(List<String> emails) {
        var answer = send("POST", "api/v1/admin/tokens", Map.of("emails", emails), 200);
        return answer.path("tokens")
                .valueStream()
                .map(token -> token.path("accessToken").asString())
                .toList();
    }

    JsonNode event(String eventId) {
        return send("GET", "api/v1/events/" + eventId, null, 200);
    }

    /** {@code GET /admin/invariants?eventId=}: {@code {ok, violations: {...}}}. Admin. */
    JsonNode invariants(String eventId) {
        return send("GET", "api/v1/admin/invariants?eventId=" + eventId, null, 200);
    }

    private JsonNode send(String method, String path, @Nullable Object body, int expectedStatus) {
        var request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (adminToken != null) {
            request.header("Authorization", "Bearer " + adminToken);
        }
        try {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(
                        method + " /" + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " /" + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " /" + path + " interrupted", e);
        }
    }

    /** A JSON object whose members keep the order they were put in (readable request bodies). */
    static Map<String, Object> object() {
        return new LinkedHashMap<>();
    }
}
