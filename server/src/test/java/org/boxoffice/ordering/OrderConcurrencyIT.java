package org.boxoffice.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.boxoffice.audit.Invariants;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.AllAtOnce;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.boxoffice.testing.Buyers;
import org.boxoffice.testing.Sales;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Real parallel requests over HTTP; every test ends by checking the invariants. */
@BoxofficeIT
class OrderConcurrencyIT {

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
    void hundredsOfBuyersForTheLastTicketsNeverOversell() {
        var event = sales.arena(40, Sales.generous());
        var crowd = buyers.many(300);

        var replies = AllAtOnce.send(
                crowd,
                buyer -> buyer.postOnce("/api/v1/orders", Map.of("eventId", event, "zone", "FLOOR", "quantity", 1)));

        assertThat(replies.stream().filter(reply -> reply.status() == 201)).hasSize(40);
        assertThat(replies.stream().filter(reply -> reply.status() != 201))
                .allSatisfy(reply -> assertThat(reply.code()).isEqualTo("SOLD_OUT"));
        var tickets = new HashSet<String>();
        replies.stream()
                .filter(reply -> reply.status() == 201)
                .forEach(reply -> tickets.add(
                        reply.json().get("items").get(0).get("ticketId").asString()));
        assertThat(tickets).hasSize(40);
        assertCounts(event, "FLOOR", 0, 40);
        InvariantsHold.forEvent(invariants, event);
    }

    @Test
    void buyersOfTheSameTwoSeatsHaveExactlyOneWinner() {
        var event = sales.arena(10, Sales.generous());
        var crowd = buyers.many(100);

        var replies = AllAtOnce.send(
                crowd,
                buyer -> buyer.postOnce(
                        "/api/v1/orders", Map.of("eventId", event, "seats", List.of("STAND-2-5", "STAND-2-6"))));

        assertThat(replies.stream().filter(reply -> reply.status() == 201)).hasSize(1);
        assertThat(replies.stream().filter(reply -> reply.status() != 201))
                .allSatisfy(reply -> assertThat(reply.code()).isEqualTo("SEATS_UNAVAILABLE"));
        assertCounts(event, "STAND", 28, 2);
        InvariantsHold.forEvent(invariants, event);
    }

    @Test
    void overlappingSeatRequestsNeitherDeadlockNorOversell() {
        var event = sales.arena(10, Sales.generous());
        var crowd = buyers.many(60);
        var requests = new ArrayList<Callable<Api.Reply>>();
        for (int i = 0; i < crowd.size(); i++) {
            int first = 1 + i % 9;
            var seats = i % 2 == 0
                    ? List.of("STAND-1-" + first, "STAND-1-" + (first + 1))
                    : List.of("STAND-1-" + (first + 1), "STAND-1-" + first);
            var buyer = crowd.get(i);
            requests.add(() -> buyer.postOnce("/api/v1/orders", Map.of("eventId", event, "seats", seats)));
        }

        var replies = AllAtOnce.run(requests);

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).isIn(201, 409));
        var heldSeats = new ArrayList<String>();
        replies.stream()
                .filter(reply -> reply.status() == 201)
                .forEach(reply -> reply.json()
                        .get("items")
                        .forEach(item -> heldSeats.add(item.get("seat").asString())));
        assertThat(heldSeats).doesNotHaveDuplicates();
        assertCounts(event, "STAND", 30 - heldSeats.size(), heldSeats.size());
        InvariantsHold.forEvent(invariants, event);
    }

    @Test
    void oneUserRacingThemselvesGetsNoMoreThanTheLimitAllows() {
        var event = sales.arena(50, Sales.rules(10, 2, null));
        var buyer = buyers.one();
        var twenty = new ArrayList<Api>();
        for (int i = 0; i < 20; i++) {
            twenty.add(buyer);
        }

        var replies = AllAtOnce.send(
                twenty,
                self -> self.postOnce("/api/v1/orders", Map.of("eventId", event, "zone", "FLOOR", "quantity", 1)));

        assertThat(replies.stream().filter(reply -> reply.status() == 201)).hasSize(2);
        assertThat(replies.stream().filter(reply -> reply.status() != 201))
                .allSatisfy(reply -> assertThat(reply.code()).isEqualTo("ORDER_LIMIT"));
        assertCounts(event, "FLOOR", 48, 2);
        InvariantsHold.forEvent(invariants, event);
    }

    @Test
    void parallelDuplicatesOfOneKeyPlaceOneOrder() {
        var event = sales.arena(50, Sales.generous());
        var buyer = buyers.one().header("Idempotency-Key", "place-" + UUID.randomUUID());
        var twenty = new ArrayList<Api>();
        for (int i = 0; i < 20; i++) {
            twenty.add(buyer);
        }

        var replies = AllAtOnce.send(
                twenty, same -> same.post("/api/v1/orders", Map.of("eventId", event, "zone", "FLOOR", "quantity", 3)));

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(201));
        assertThat(replies.stream()
                        .map(reply -> reply.json().get("id").asString())
                        .distinct())
                .hasSize(1);
        assertCounts(event, "FLOOR", 47, 3);
        InvariantsHold.forEvent(invariants, event);
    }

    private void assertCounts(UUID event, String code, int available, int held) {
        for (var zone : Api.at(port).get("/api/v1/events/" + event).json().get("zones")) {
            if (zone.get("code").asString().equals(code)) {
                assertThat(zone.get("available").asInt()).isEqualTo(available);
                assertThat(zone.get("held").asInt()).isEqualTo(held);
                assertThat(zone.get("available").asInt()
                                + zone.get("held").asInt()
                                + zone.get("sold").asInt())
                        .isEqualTo(zone.get("capacity").asInt());
            }
        }
    }
}
