package org.boxoffice.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.boxoffice.audit.Invariants;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.boxoffice.testing.Buyers;
import org.boxoffice.testing.Sales;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@BoxofficeIT
class OrderHoldsIT {

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Invariants invariants;

    Sales sales;
    Buyers buyers;

    @BeforeEach
    void setUp() {
        sales = new Sales(catalog);
        buyers = new Buyers(accounts, port);
    }

    @Test
    void bestAvailableHoldTakesTheBestSeatsAtTheCurrentPrice() {
        var event = sales.arena(20, Sales.generous());
        var order = buyers.one().postOnce("/api/v1/orders", Map.of("eventId", event, "zone", "STAND", "quantity", 2));

        assertThat(order.status()).as(order.body()).isEqualTo(201);
        var body = order.json();
        assertThat(body.get("status").asString()).isEqualTo("HELD");
        assertThat(body.get("paymentPending").asBoolean()).isFalse();
        assertThat(seats(body)).containsExactlyInAnyOrder("STAND-1-5", "STAND-1-6");
        assertThat(body.get("total").get("amount").asLong()).isEqualTo(2 * Sales.STAND_PRICE);
        assertThat(body.get("items").get(0).get("price").get("currency").asString())
                .isEqualTo("KZT");
        assertThat(body.get("expiresAt").asString()).isNotBlank();
        assertThat(body.get("tickets").size()).isZero();
        assertZone(event, "STAND", 28, 2, 0);
    }

    @Test
    void explicitSeatsAreHeldExactly() {
        var event = sales.arena(20, Sales.generous());
        var order = buyers.one()
                .postOnce("/api/v1/orders", Map.of("eventId", event, "seats", List.of("STAND-3-1", "STAND-3-10")));
        assertThat(order.status()).isEqualTo(201);
        assertThat(seats(order.json())).containsExactlyInAnyOrder("STAND-3-1", "STAND-3-10");
        var seatMap = Api.at(port)
                .get("/api/v1/events/" + event + "/seats?zone=STAND")
                .json();
        assertThat(seatMap.get("zones").get(0).get("rows").get(2).get("seats").asString())
                .isEqualTo("HAAAAAAAAH");
    }

    @Test
    void takenSeatsAreNamedAndNothingIsHeld() {
        var event = sales.arena(20, Sales.generous());
        buyers.one().postOnce("/api/v1/orders", Map.of("eventId", event, "seats", List.of("STAND-2-4")));

        var refused = buyers.one()
                .postOnce("/api/v1/orders", Map.of("eventId", event, "seats", List.of("STAND-2-3", "STAND-2-4")));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("SEATS_UNAVAILABLE");
        assertThat(refused.json().get("unavailableSeats").toString()).isEqualTo("[\"STAND-2-4\"]");
        assertZone(event, "STAND", 29, 1, 0);
    }

    @Test
    void unknownSeatsAndZonesAreInvalid() {
        var event = sales.arena(20, Sales.generous());
        var buyer = buyers.one();
        var unknownSeat = buyer.postOnce("/api/v1/orders", Map.of("eventId", event, "seats", List.of("STAND-9-1")));
        var unknownZone = buyer.postOnce("/api/v1/orders", Map.of("eventId", event, "zone", "BALCONY", "quantity", 1));
        assertThat(unknownSeat.status()).isEqualTo(422);
        assertThat(unknownSeat.code()).isEqualTo("VALIDATION");
        assertThat(unknownZone.status()).isEqualTo(422);
        assertZone(event, "STAND", 30, 0, 0);
    }

    @Test
    void zoneWithTooFewTicketsIsSoldOut() {
        var event = sales.arena(3, Sales.generous());
        var buyer = buyers.one();
        var refused = buyer.postOnce("/api/v1/orders", Map.of("eventId", event, "zone", "FLOOR", "quantity", 4));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("SOLD_OUT");
        assertZone(event, "FLOOR", 3, 0, 0);
    }

    @Test
    void saleWindowIsKept() {
        var later = sales.notYetOnSale();
        var refused = buyers.one().postOnce("/api/v1/orders", Map.of("eventId", later, "zone", "FLOOR", "quantity", 1));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("SALE_NOT_OPEN");

        var event = sales.arena(5, Sales.generous());
        buyers.admin().patch("/api/v1/admin/events/" + event, Map.of("status", "SALE_CLOSED"));
        var closed = buyers.one().postOnce("/api/v1/orders", Map.of("eventId", event, "zone", "FLOOR", "quantity", 1));
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.code()).isEqualTo("SALE_CLOSED");
    }

    @Test
    void unknownEventIsNotFound() {
        var refused = buyers.one()
                .postOnce("/api/v1/orders", Map.of("eventId", UUID.randomUUID(), "zone", "FLOOR", "quantity", 1));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.code()).isEqualTo("EVENT_NOT_FOUND");
    }

    @Test
    void ticketAndOrderLimitsAreKept() {
        var event = sales.arena(20, Sales.rules(3, 2, null));
        var buyer = buyers.one();
        assertThat(buyer.postOnce("/api/v1/orders", Map.of("eventId", event, "zone", "FLOOR", "quantity", 2))
                        .status())
                .isEqualTo(201);
        var tooMany = buyer.postOnce("/api/v1/orders", Map.of("eventId", event, "zone", "FLOOR", "quantity", 2));
        assertThat(tooMany.code()).isEqualTo("TICKET_LIMIT");
        assertThat(buyer.postOnce("/api/v1/orders", Map.of("eventId", event, "zone", "FLOOR", "quantity", 1))
                        .status())
                .isEqualTo(201);
        var third = buyer.postOnce("/api/v1/orders", Map.of("eventId", event, "zone", "FLOOR", "quantity", 1));
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.code()).isIn("ORDER_LIMIT", "TICKET_LIMIT");
    }

    @Test
    void limitGroupCountsLiveOrdersAcrossEvents() {
        var group = "group-" + UUID.randomUUID().toString().substring(0, 8);
        var first = sales.arena(5, Sales.rules(1, 1, group));
        var second = sales.arena(5, Sales.rules(1, 1, group));
        var traveler = buyers.one();
        assertThat(traveler.postOnce("/api/v1/orders", Map.of("eventId", first, "zone", "FLOOR", "quantity", 1))
                        .status())
                .isEqualTo(201);
        var refused = traveler.postOnce("/api/v1/orders", Map.of("eventId", second, "zone", "FLOOR", "quantity", 1));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("ORDER_LIMIT");
    }

    @Test
    void anotherUsersOrderDoesNotExistForYou() {
        var event = sales.arena(5, Sales.generous());
        var order = buyers.one().postOnce("/api/v1/orders", Map.of("eventId", event, "zone", "FLOOR", "quantity", 1));
        var id = order.json().get("id").asString();
        var stranger = buyers.one();
        for (var reply : List.of(
                stranger.get("/api/v1/orders/" + id),
                stranger.postOnce("/api/v1/orders/" + id + "/payments", Map.of()),
                stranger.postOnce("/api/v1/orders/" + id + "/cancel", Map.of()))) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.code()).isEqualTo("ORDER_NOT_FOUND");
        }
    }

    @Test
    void myOrdersListsNewestFirstAndFiltersByStatus() {
        var event = sales.arena(10, Sales.generous());
        var buyer = buyers.one();
        var first = buyer.postOnce("/api/v1/orders", Map.of("eventId", event, "zone", "FLOOR", "quantity", 1))
                .json();
        var second = buyer.postOnce("/api/v1/orders", Map.of("eventId", event, "zone", "FLOOR", "quantity", 1))
                .json();
        buyer.postOnce("/api/v1/orders/" + first.get("id").asString() + "/cancel", Map.of());

        var all = buyer.get("/api/v1/me/orders").json();
        assertThat(all.get("total").asInt()).isEqualTo(2);
        assertThat(all.get("items").get(0).get("id").asString())
                .isEqualTo(second.get("id").asString());
        var cancelled = buyer.get("/api/v1/me/orders?status=CANCELLED").json();
        assertThat(cancelled.get("total").asInt()).isEqualTo(1);
        assertThat(cancelled.get("items").get(0).get("id").asString())
                .isEqualTo(first.get("id").asString());
    }

    @Test
    void heldOrderIsCancelledAndItsTicketsComeBackAtOnce() {
        var event = sales.arena(4, Sales.generous());
        var buyer = buyers.one();
        var order = buyer.postOnce("/api/v1/orders", Map.of("eventId", event, "zone", "FLOOR", "quantity", 4))
                .json();
        assertZone(event, "FLOOR", 0, 4, 0);

        var cancelled = buyer.postOnce("/api/v1/orders/" + order.get("id").asString() + "/cancel", Map.of());

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("cancelledAt").asString()).isNotBlank();
        assertZone(event, "FLOOR", 4, 0, 0);
        var again = buyer.postOnce("/api/v1/orders/" + order.get("id").asString() + "/cancel", Map.of());
        assertThat(again.code()).isEqualTo("NOT_CANCELLABLE");
        InvariantsHold.forEvent(invariants, event);
    }

    @Test
    void aQuotaSellsOnlyWhatWasAllocated() {
        var allocated = List.of("STAND-1-1", "STAND-1-2", "STAND-1-3", "STAND-1-4", "STAND-1-5");
        var event = sales.quota(allocated);
        var buyer = buyers.one();

        var outside = buyer.postOnce("/api/v1/orders", Map.of("eventId", event, "seats", List.of("STAND-2-1")));
        var tooMany = buyer.postOnce("/api/v1/orders", Map.of("eventId", event, "zone", "STAND", "quantity", 6));
        var floor = buyer.postOnce("/api/v1/orders", Map.of("eventId", event, "zone", "FLOOR", "quantity", 1));
        var all = buyer.postOnce("/api/v1/orders", Map.of("eventId", event, "zone", "STAND", "quantity", 5));

        assertThat(outside.code()).isEqualTo("SEATS_UNAVAILABLE");
        assertThat(tooMany.code()).isEqualTo("SOLD_OUT");
        assertThat(floor.code()).isEqualTo("SOLD_OUT");
        assertThat(all.status()).isEqualTo(201);
        assertThat(seats(all.json())).containsExactlyInAnyOrderElementsOf(allocated);
        assertZone(event, "STAND", 0, 5, 0);
        var seatMap = Api.at(port)
                .get("/api/v1/events/" + event + "/seats?zone=STAND")
                .json();
        assertThat(seatMap.get("zones").get(0).get("rows").get(0).get("seats").asString())
                .isEqualTo("HHHHHXXXXX");
        InvariantsHold.forEvent(invariants, event);
    }

    @Test
    void malformedOrdersAreRefusedAndHoldNothing() {
        var event = sales.arena(5, Sales.generous());
        var buyer = buyers.one();
        var bodies = List.<Object>of(
                "{",
                "[]",
                Map.of("eventId", "not-a-uuid", "zone", "FLOOR", "quantity", 1),
                Map.of("eventId", event, "zone", "FLOOR", "quantity", 0),
                Map.of("eventId", event, "zone", "FLOOR", "quantity", 11),
                Map.of("eventId", event, "zone", "FLOOR", "quantity", -1),
                Map.of("eventId", event, "zone", "FLOOR", "quantity", 1.5),
                Map.of("eventId", event, "zone", "FLOOR", "quantity", "2"),
                Map.of("eventId", event, "zone", "FLOOR", "quantity", 99999999999L),
                Map.of("eventId", event, "zone", "FLOOR"),
                Map.of("eventId", event, "seats", List.of()),
                Map.of("eventId", event, "seats", List.of("STAND-1-1", "STAND-1-1")),
                Map.of("eventId", event, "seats", List.of("nonsense")),
                Map.of("eventId", event, "seats", List.of("STAND-1-1"), "zone", "STAND", "quantity", 1),
                Map.of("zone", "FLOOR", "quantity", 1));
        for (var body : bodies) {
            var reply = buyer.postOnce("/api/v1/orders", body);
            assertThat(reply.status()).as(body + " → " + reply.body()).isIn(400, 422);
            assertThat(reply.code()).isEqualTo("VALIDATION");
        }
        assertThat(buyer.get("/api/v1/orders/not-a-uuid").status()).isEqualTo(400);
        assertThat(buyer.postOnce("/api/v1/orders/" + UUID.randomUUID() + "/payments", "{\"method\": 5}")
                        .status())
                .isIn(400, 404, 422);
        assertThat(buyer.get("/api/v1/me/orders?status=LOST").status()).isEqualTo(400);
        var tooLarge = buyer.get("/api/v1/me/orders?size=201");
        assertThat(tooLarge.status()).isEqualTo(422);
        assertThat(tooLarge.code()).isEqualTo("VALIDATION");
        assertThat(tooLarge.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
        assertZone(event, "FLOOR", 5, 0, 0);
        assertZone(event, "STAND", 30, 0, 0);
    }

    @Test
    void orderingNeedsAnIdempotencyKeyAndAToken() {
        var event = sales.arena(5, Sales.generous());
        var withoutKey = buyers.one().post("/api/v1/orders", Map.of("eventId", event, "zone", "FLOOR", "quantity", 1));
        assertThat(withoutKey.status()).isEqualTo(400);
        assertThat(withoutKey.code()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
        var anonymous =
                Api.at(port).postOnce("/api/v1/orders", Map.of("eventId", event, "zone", "FLOOR", "quantity", 1));
        assertThat(anonymous.status()).isEqualTo(401);
        assertZone(event, "FLOOR", 5, 0, 0);
    }

    private void assertZone(UUID event, String code, int available, int held, int sold) {
        var zones = Api.at(port).get("/api/v1/events/" + event).json().get("zones");
        for (var zone : zones) {
            if (zone.get("code").asString().equals(code)) {
                assertThat(zone.get("available").asInt()).as("available").isEqualTo(available);
                assertThat(zone.get("held").asInt()).as("held").isEqualTo(held);
                assertThat(zone.get("sold").asInt()).as("sold").isEqualTo(sold);
                assertThat(available + held + sold)
                        .isEqualTo(zone.get("capacity").asInt());
                return;
            }
        }
        throw new AssertionError("No zone " + code);
    }

    private static List<String> seats(JsonNode order) {
        var seats = new java.util.ArrayList<String>();
        order.get("items").forEach(item -> seats.add(item.get("seat").asString()));
        return seats;
    }
}
