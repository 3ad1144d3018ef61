package org.boxoffice.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import org.boxoffice.audit.Invariants;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.AllAtOnce;
import org.boxoffice.testing.Buyers;
import org.boxoffice.testing.Sales;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The reference path, one transaction per hold ({@code boxoffice.holds.grouped=false}), which the
 * benchmarks compare group commit against: it must be as correct. Its own server (a second
 * context on the same engines), since every other test runs the grouped path.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Closed after the class: a second context left alive keeps running its scheduled jobs against
// the shared database with its own simulators (its payment reconciliation asked its own payment
// simulator about other contexts' payments).
@DirtiesContext
@TestPropertySource(properties = "boxoffice.holds.grouped=false")
class ReferenceHoldsIT {

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    Accounts accounts;

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
    void oneTransactionPerHoldNeverOversellsEither() {
        var event = sales.arena(40, Sales.generous());

        var replies = AllAtOnce.send(
                buyers.many(200),
                buyer -> buyer.postOnce("/api/v1/orders", Map.of("eventId", event, "zone", "FLOOR", "quantity", 1)));

        var tickets = new HashSet<String>();
        replies.stream()
                .filter(reply -> reply.status() == 201)
                .forEach(reply -> tickets.add(
                        reply.json().get("items").get(0).get("ticketId").asString()));
        assertThat(replies.stream().filter(reply -> reply.status() == 201)).hasSize(40);
        assertThat(tickets).hasSize(40);
        assertThat(replies.stream().filter(reply -> reply.status() != 201))
                .allSatisfy(reply -> assertThat(reply.code()).isEqualTo("SOLD_OUT"));
        InvariantsHold.forEvent(invariants, event);
    }
}
