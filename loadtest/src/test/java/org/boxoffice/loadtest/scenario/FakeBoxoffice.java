package org.boxoffice.loadtest.scenario;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny in-process stand-in for the boxoffice API, just enough of the flight flow for the runner
 * to go through every branch: holds that fail at the "airline" every fourth attempt, payments
 * declined every third attempt and left pending every fifth, sold-out flights, refunds, and a
 * request body limit on token minting. All state sits behind one lock; it is a fixture, not a
 * model of the server's concurrency.
 */
final class FakeBoxoffice implements AutoCloseable {

    static final String ADMIN_PASSWORD = "secret";

    /** Token minting refuses bodies larger than this, as the real server's body limit does. */
    static final int TOKEN_BODY_LIMIT = 300;

    private static final Pattern ORDER_PATH = Pattern.compile("/api/v1/orders/([0-9a-f-]{36})(/payments|/cancel)?");
    private static final Pattern EVENT_PATH = Pattern.compile("/api/v1/events/([0-9a-f-]{36})");

    private record Stored(int status, String body) {}

    private static final class Flight {
        final UUID id = UUID.randomUUID();
        final int capacity;
        final Deque<UUID> available = new ArrayDeque<>();
        int held;
        int sold;

        Flight(int capacity) {
            this.capacity = capacity;
            for (int i = 0; i < capacity; i++) {
                available.add(UUID.randomUUID());
            }
        }
    }

    private static final class Order {
        final UUID id = UUID.randomUUID();
        final String owner;
        final Flight flight;
        final UUID ticketId;
        String status = "HELD";
        boolean paymentPending;
        int readsUntilSettled;

        Order(String owner, Flight flight, UUID ticketId) {
            this.owner = owner;
            this.flight = flight;
            this.ticketId = ticketId;
        }
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer server;
    private final List<Flight> flights = new ArrayList<>();
    private final Map<UUID, Order> orders = new HashMap<>();
    private final Map<String, Stored> answered = new HashMap<>();
    private final boolean invariantsEndpoint;
    private final boolean invariantsOk;
    private int holdAttempts;
    private int paymentAttempts;

    FakeBoxoffice(List<Integer> capacities, boolean invariantsEndpoint, boolean invariantsOk) throws IOException {
        capacities.forEach(capacity -> flights.add(new Flight(capacity)));
        this.invariantsEndpoint = invariantsEndpoint;
        this.invariantsOk = invariantsOk;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int seats() {
        return flights.stream().mapToInt(flight -> flight.capacity).sum();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Stored answer;
            synchronized (this) {
                answer = route(exchange, body);
            }
            var bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Server-Timing", "app;dur=1.5, provider;dur=2");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    private Stored route(HttpExchange exchange, String body) {
        var method = exchange.getRequestMethod();
        var path = exchange.getRequestURI().getPath();
        var token = exchange.getRequestHeaders().getFirst("Authorization");
        var key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (method.equals("POST") && path.equals("/api/v1/auth/login")) {
            return read(body).path("password").stringValue("").equals(ADMIN_PASSWORD)
                    ? ok(Map.of("accessToken", "admin", "tokenType", "Bearer", "expiresIn", 7200))
                    : problem(401, "BAD_CREDENTIALS");
        }
        if (method.equals("POST") && path.equals("/api/v1/admin/tokens")) {
            return mint(body);
        }
        if (method.equals("GET") && path.equals("/api/v1/events")) {
            return listFlights();
        }
        if (method.equals("GET") && path.equals("/api/v1/admin/invariants")) {
            return invariants();
        }
        var event = EVENT_PATH.matcher(path);
        if (method.equals("GET") && event.matches()) {
            return flightDetail(UUID.fromString(event.group(1)));
        }
        if (token == null || !token.startsWith("Bearer ")) {
            return problem(401, "UNAUTHORIZED");
        }
        var user = token.substring("Bearer ".length());
        if (method.equals("POST")) {
            var replayKey = user + " " + key;
            var replay = answered.get(replayKey);
            if (replay != null) {
                return replay;
            }
            var fresh = change(path, user, body);
            answered.put(replayKey, fresh);
            return fresh;
        }
        var order = ORDER_PATH.matcher(path);
        if (method.equals("GET") && order.matches() && order.group(2) == null) {
            return readOrder(user, UUID.fromString(order.group(1)));
        }
        return problem(404, "NOT_FOUND");
    }

    private Stored change(String path, String user, String body) {
        if (path.equals("/api/v1/orders")) {
            return hold(user, UUID.fromString(read(body).path("eventId").stringValue()));
        }
        var order = ORDER_PATH.matcher(path);
        if (!order.matches() || order.group(2) == null) {
            return problem(404, "NOT_FOUND");
        }
        var found = orders.get(UUID.fromString(order.group(1)));
        if (found == null || !found.owner.equals(user)) {
            return problem(404, "ORDER_NOT_FOUND");
        }
        return order.group(2).equals("/payments") ? pay(found) : cancel(found);
    }

    private Stored mint(String body) {
        if (body.length() > TOKEN_BODY_LIMIT) {
            return problem(413, "PAYLOAD_TOO_LARGE");
        }
        var tokens = new ArrayList<Map<String, String>>();
        for (var email : read(body).path("emails").values()) {
            tokens.add(Map.of("email", email.stringValue(), "accessToken", "t-" + email.stringValue()));
        }
        return ok(Map.of("tokens", tokens));
    }

    private Stored listFlights() {
        var items = flights.stream()
                .map(flight -> Map.of(
                        "id",
                        flight.id.toString(),
                        "kind",
                        "FLIGHT",
                        "title",
                        "Flight " + flight.id.toString().substring(0, 4),
                        "capacity",
                        flight.capacity,
                        "available",
                        flight.available.size()))
                .toList();
        return ok(Map.of("items", items, "page", 0, "size", 200, "total", items.size()));
    }

    private Stored flightDetail(UUID id) {
        var flight = flights.stream().filter(f -> f.id.equals(id)).findFirst().orElse(null);
        if (flight == null) {
            return problem(404, "EVENT_NOT_FOUND");
        }
        var zone = Map.of(
                "code", "ECONOMY",
                "capacity", flight.capacity,
                "available", flight.available.size(),
                "held", flight.held,
                "sold", flight.sold);
        return ok(Map.of("id", id.toString(), "zones", List.of(zone)));
    }

    private Stored hold(String user, UUID eventId) {
        var flight =
                flights.stream().filter(f -> f.id.equals(eventId)).findFirst().orElseThrow();
        boolean hasLiveOrder = orders.values().stream().anyMatch(o -> o.owner.equals(user) && o.status.equals("HELD"));
        if (hasLiveOrder) {
            return problem(409, "ORDER_LIMIT");
        }
        if (++holdAttempts % 4 == 0) {
            return problem(503, "PROVIDER_UNAVAILABLE");
        }
        if (flight.available.isEmpty()) {
            return problem(409, "SOLD_OUT");
        }
        var order = new Order(user, flight, flight.available.poll());
        flight.held++;
        orders.put(order.id, order);
        return answer(201, order);
    }

    private Stored pay(Order order) {
        if (!order.status.equals("HELD") || order.paymentPending) {
            return problem(409, "ORDER_NOT_PAYABLE");
        }
        int attempt = ++paymentAttempts;
        if (attempt % 3 == 0) {
            return problem(402, "PAYMENT_DECLINED");
        }
        if (attempt % 5 == 0) {
            order.paymentPending = true;
            order.readsUntilSettled = 2;
            return new Stored(202, write(Map.of("order", view(order), "code", "PAYMENT_PENDING")));
        }
        markPaid(order);
        return answer(200, order);
    }

    private Stored readOrder(String user, UUID id) {
        var order = orders.get(id);
        if (order == null || !order.owner.equals(user)) {
            return problem(404, "ORDER_NOT_FOUND");
        }
        if (order.paymentPending && --order.readsUntilSettled <= 0) {
            order.paymentPending = false;
            markPaid(order);
        }
        return answer(200, order);
    }

    private Stored cancel(Order order) {
        switch (order.status) {
            case "PAID" -> {
                order.status = "REFUNDED";
                order.flight.sold--;
            }
            case "HELD" -> {
                order.status = "CANCELLED";
                order.flight.held--;
            }
            default -> {
                return problem(409, "NOT_CANCELLABLE");
            }
        }
        order.flight.available.add(order.ticketId);
        return answer(200, order);
    }

    private Stored invariants() {
        if (!invariantsEndpoint) {
            return problem(404, "NOT_FOUND");
        }
        var violations = new LinkedHashMap<String, Integer>();
        violations.put("ticketsInTwoLiveOrders", 0);
        violations.put("soldTicketsWithoutPaidOrder", invariantsOk ? 0 : 2);
        return ok(Map.of("ok", invariantsOk, "checkedAt", "2026-01-01T00:00:00Z", "violations", violations));
    }

    private static void markPaid(Order order) {
        order.status = "PAID";
        order.flight.held--;
        order.flight.sold++;
    }

    private Stored answer(int status, Order order) {
        return new Stored(status, write(view(order)));
    }

    private static Map<String, Object> view(Order order) {
        var item = Map.of("ticketId", order.ticketId.toString(), "zone", "ECONOMY");
        return Map.of(
                "id", order.id.toString(),
                "eventId", order.flight.id.toString(),
                "status", order.status,
                "items", List.of(item),
                "paymentPending", order.paymentPending);
    }

    private Stored ok(Object body) {
        return new Stored(200, write(body));
    }

    private Stored problem(int status, String code) {
        return new Stored(status, write(Map.of("status", status, "code", code, "detail", "fake says " + code)));
    }

    private JsonNode read(String body) {
        return json.readTree(body);
    }

    private String write(Object body) {
        return json.writeValueAsString(body);
    }
}
