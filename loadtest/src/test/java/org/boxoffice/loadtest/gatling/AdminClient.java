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

    /**
     * A venue with one standing zone ({@code FLOOR}) of {@code capacity} and an event on sale there
     * now, under these rules. Admin.
     */
    String createStandingEvent(String title, int capacity, Map<String, Object> rules) {
        var venue = send("POST", "api/v1/admin/venues", Stadium.standingVenue(title, capacity), 201);
        var event = send(
                "POST",
                "api/v1/admin/events",
                Stadium.standingEvent(venue.path("id").asString(), title, rules),
                201);
        return event.path("id").asString();
    }

    /** {@code PATCH /admin/events/{id}} with {@code {"rules": rules}} (the whole rules object). Admin. */
    void patchRules(String eventId, Map<String, Object> rules) {
        send("PATCH", "api/v1/admin/events/" + eventId, Map.of("rules", rules), 200);
    }

    /**
     * Tokens for {@code count} demo travelers from {@code traveler<first>} on, in order, {@code
     * batch} emails per call; a call answered {@code 413} (body too large) is split in two. Admin.
     */
    List<String> travelerTokens(int first, int count, int batch) {
        var minted = new java.util.ArrayList<String>(count);
        int size = batch;
        for (int from = first; from < first + count; ) {
            int to = Math.min(first + count, from + size);
            var emails = java.util.stream.IntStream.range(from, to)
                    .mapToObj(n -> "traveler%05d@demo.boxoffice.org".formatted(n))
                    .toList();
            var answer = exchange("POST", "api/v1/admin/tokens", Map.of("emails", emails), Map.of());
            if (answer.statusCode() == 413 && size > 100) {
                size /= 2;
                continue;
            }
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(
                        "POST /api/v1/admin/tokens answered " + answer.statusCode() + ": " + answer.body());
            }
            var tokens = json.readTree(answer.body()).path("tokens");
            if (tokens.size() != emails.size()) {
                throw new IllegalStateException("asked tokens for " + emails.size() + " travelers from traveler" + from
                        + ", got " + tokens.size() + " (does the server have boxoffice.demo.travelers >= "
                        + (first + count - 1) + "?)");
            }
            tokens.forEach(token -> minted.add(token.path("accessToken").asString()));
            from = to;
        }
        return List.copyOf(minted);
    }

    /** One request with this bearer token and these headers, whatever it answers: for probes. */
    HttpResponse<String> probe(String method, String path, String token, Map<String, String> headers) {
        var saved = adminToken;
        adminToken = token;
        try {
            return exchange(method, path, null, headers);
        } finally {
            adminToken = saved;
        }
    }

    JsonNode event(String eventId) {
        return send("GET", "api/v1/events/" + eventId, null, 200);
    }

    /** {@code GET /admin/invariants?eventId=}: {@code {ok, violations: {...}}}. Admin. */
    JsonNode invariants(String eventId) {
        return send("GET", "api/v1/admin/invariants?eventId=" + eventId, null, 200);
    }

    private JsonNode send(String method, String path, @Nullable Object body, int expectedStatus) {
        var response = exchange(method, path, body, Map.of());
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(
                    method + " /" + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    private HttpResponse<String> exchange(
            String method, String path, @Nullable Object body, Map<String, String> headers) {
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
        headers.forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
