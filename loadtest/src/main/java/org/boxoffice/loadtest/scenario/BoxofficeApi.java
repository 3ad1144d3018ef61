package org.boxoffice.loadtest.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The endpoints of the boxoffice API the flight scenario uses (see API.md), with their JSON read
 * into the few records the runner needs. Calls a traveler makes answer an {@link Answer} that the
 * journey decides on; set-up calls that must succeed throw {@link ScenarioFailure} instead.
 */
final class BoxofficeApi {

    private static final String API = "/api/v1";

    /** The largest page the API serves. */
    private static final int PAGE_SIZE = 200;

    private final HttpCalls http;

    BoxofficeApi(HttpCalls http) {
        this.http = http;
    }

    String login(String email, String password) throws InterruptedException {
        var reply = http.post(
                CallType.LOGIN, API + "/auth/login", null, null, Map.of("email", email, "password", password));
        var token = text(reply.body(), "accessToken");
        if (reply.status() != 200 || token == null) {
            throw new ScenarioFailure("Logging in as " + email + " failed: " + reply.describe());
        }
        return token;
    }

    /**
     * Access tokens by email for those of {@code emails} that exist, or {@code null} when the
     * server found the request body too large (the caller sends fewer emails per call).
     */
    @Nullable
    Map<String, String> mintTokens(String adminToken, List<String> emails) throws InterruptedException {
        var reply = http.post(CallType.MINT_TOKENS, API + "/admin/tokens", adminToken, null, Map.of("emails", emails));
        if (reply.status() == 413) {
            return null;
        }
        if (reply.status() != 200) {
            throw new ScenarioFailure("Minting tokens failed: " + reply.describe());
        }
        var tokens = new LinkedHashMap<String, String>();
        for (var minted : reply.body().path("tokens").values()) {
            var email = text(minted, "email");
            var token = text(minted, "accessToken");
            if (email != null && token != null) {
                tokens.put(email, token);
            }
        }
        return tokens;
    }

    List<Flight> flights() throws InterruptedException {
        var flights = new ArrayList<Flight>();
        for (int page = 0; ; page++) {
            var reply = http.get(
                    CallType.LIST_FLIGHTS, API + "/events?kind=FLIGHT&page=" + page + "&size=" + PAGE_SIZE, null);
            if (reply.status() != 200) {
                throw new ScenarioFailure("Listing flights failed: " + reply.describe());
            }
            var items = reply.body().path("items").values();
            for (var item : items) {
                var id = uuid(item, "id");
                if (id != null) {
                    flights.add(new Flight(
                            id,
                            String.valueOf(text(item, "title")),
                            item.path("capacity").longValue(0),
                            item.path("available").longValue(0)));
                }
            }
            if (items.size() < PAGE_SIZE
                    || flights.size() >= reply.body().path("total").longValue(0)) {
                return flights;
            }
        }
    }

    /** The live counts of one flight, or {@code null} when it could not be read. */
    @Nullable
    FlightCounts flightCounts(UUID eventId) throws InterruptedException {
        var reply = http.get(CallType.READ_FLIGHT, API + "/events/" + eventId, null);
        if (reply.status() != 200) {
            return null;
        }
        var zones = new ArrayList<FlightCounts.Zone>();
        for (var zone : reply.body().path("zones").values()) {
            zones.add(new FlightCounts.Zone(
                    String.valueOf(text(zone, "code")),
                    zone.path("capacity").longValue(-1),
                    zone.path("available").longValue(-1),
                    zone.path("held").longValue(-1),
                    zone.path("sold").longValue(-1)));
        }
        return new FlightCounts(eventId, zones);
    }

    Answer hold(String token, UUID eventId, String zone, String idempotencyKey) throws InterruptedException {
        var body = Map.of("eventId", eventId.toString(), "zone", zone, "quantity", 1);
        return answer(http.post(CallType.HOLD, API + "/orders", token, idempotencyKey, body));
    }

    Answer pay(String token, UUID orderId, String idempotencyKey) throws InterruptedException {
        var path = API + "/orders/" + orderId + "/payments";
        return answer(http.post(CallType.PAY, path, token, idempotencyKey, Map.of("method", "card")));
    }

    Answer order(String token, UUID orderId) throws InterruptedException {
        return answer(http.get(CallType.POLL, API + "/orders/" + orderId, token));
    }

    Answer cancel(String token, UUID orderId, String idempotencyKey) throws InterruptedException {
        return answer(
                http.post(CallType.CANCEL, API + "/orders/" + orderId + "/cancel", token, idempotencyKey, Map.of()));
    }

    /** {@code GET /admin/invariants}: the raw reply, since the check reads and prints all of it. */
    Reply invariants(String adminToken) throws InterruptedException {
        return http.get(CallType.INVARIANTS, API + "/admin/invariants", adminToken);
    }

    private static Answer answer(Reply reply) {
        return new Answer(reply.status(), reply.code(), order(reply.body()), reply.retryAfter());
    }

    /** The order of an answer: the body itself, or its {@code order} field ({@code 202 PAYMENT_PENDING}). */
    static @Nullable OrderSnapshot order(JsonNode body) {
        var node = body.path("order").isObject() ? body.path("order") : body;
        var id = uuid(node, "id");
        var eventId = uuid(node, "eventId");
        var status = text(node, "status");
        if (id == null || eventId == null || status == null) {
            return null;
        }
        var ticketIds = new ArrayList<UUID>();
        for (var item : node.path("items").values()) {
            var ticketId = uuid(item, "ticketId");
            if (ticketId != null) {
                ticketIds.add(ticketId);
            }
        }
        return new OrderSnapshot(
                id,
                eventId,
                OrderStatus.parse(status),
                node.path("paymentPending").booleanValue(false),
                ticketIds);
    }

    private static @Nullable String text(JsonNode node, String field) {
        var value = node.path(field);
        return value.isString() ? value.stringValue() : null;
    }

    private static @Nullable UUID uuid(JsonNode node, String field) {
        var text = text(node, field);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
