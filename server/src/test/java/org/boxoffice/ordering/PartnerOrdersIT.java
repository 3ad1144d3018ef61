package org.boxoffice.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.boxoffice.audit.Invariants;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.identity.Accounts;
import org.boxoffice.partner.Airline;
import org.boxoffice.partner.PartnerCircuitBreakers;
import org.boxoffice.partner.PartnerVenues;
import org.boxoffice.simulator.PartnerSimulatorControl;
import org.boxoffice.simulator.PaymentSimulatorControl;
import org.boxoffice.simulator.SimulatorEndpoint;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.boxoffice.testing.Buyers;
import org.boxoffice.testing.MovableClock;
import org.boxoffice.testing.Sales;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** PARTNER mode: the cinema's own box office decides which seats are free. */
@BoxofficeIT
class PartnerOrdersIT {

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    Accounts accounts;

    @Autowired
    Invariants invariants;

    @Autowired
    SimulatorEndpoint simulator;

    @Autowired
    Airline airline;

    @Autowired
    PartnerVenues venues;

    @Autowired
    MovableClock clock;

    Sales sales;
    Buyers buyers;
    PartnerSimulatorControl partner;
    PaymentSimulatorControl provider;
    String venue;
    UUID show;

    @BeforeEach
    void setUp() {
        sales = new Sales(catalog);
        buyers = new Buyers(accounts, port);
        partner = new PartnerSimulatorControl(simulator);
        partner.fastAndReliable();
        provider = new PaymentSimulatorControl(simulator);
        provider.fastAndReliable();
        PartnerCircuitBreakers.reset(airline, venues);
        venue = "cinema-" + UUID.randomUUID().toString().substring(0, 8);
        show = sales.partnerShow(venue);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        partner.reset();
        provider.reset();
        PartnerCircuitBreakers.reset(airline, venues);
    }

    @Test
    void seatsSoldAtTheBoxOfficeShowAsSoldAndCannotBeHeld() {
        partner.sellAtBoxOffice(venue, show, List.of("HALL-A-1", "HALL-A-2"));

        var row = Api.at(port)
                .get("/api/v1/events/" + show + "/seats")
                .json()
                .get("zones")
                .get(0)
                .get("rows")
                .get(0);
        var refused = buyers.one()
                .postOnce("/api/v1/orders", Map.of("eventId", show, "seats", List.of("HALL-A-2", "HALL-A-3")));

        assertThat(row.get("seats").asString()).isEqualTo("SSAAAAAAAA");
        var zone =
                Api.at(port).get("/api/v1/events/" + show).json().get("zones").get(0);
        assertThat(zone.get("available").asInt()).isEqualTo(28);
        assertThat(zone.get("sold").asInt()).isEqualTo(2);
        assertThat(zone.get("capacity").asInt()).isEqualTo(30);
        var listed =
                Api.at(port).get("/api/v1/events?kind=CINEMA&size=200").json().get("items");
        for (var entry : listed) {
            if (entry.get("id").asString().equals(show.toString())) {
                assertThat(entry.get("available").asInt()).isEqualTo(28);
            }
        }
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("SEATS_UNAVAILABLE");
        assertThat(refused.json().get("unavailableSeats").toString()).isEqualTo("[\"HALL-A-2\"]");
    }

    @Test
    void bestAvailablePassesOverWhatTheBoxOfficeSold() {
        partner.sellAtBoxOffice(venue, show, List.of("HALL-A-5", "HALL-A-6"));

        var order = buyers.one().postOnce("/api/v1/orders", Map.of("eventId", show, "zone", "HALL", "quantity", 2));

        assertThat(order.status()).as(order.body()).isEqualTo(201);
        var seats = new java.util.ArrayList<String>();
        order.json().get("items").forEach(item -> seats.add(item.get("seat").asString()));
        assertThat(seats).doesNotContain("HALL-A-5", "HALL-A-6").hasSize(2);
        InvariantsHold.forEvent(invariants, show);
    }

    @Test
    void aHoldIsHeldAtThePartnerSoldOnPaymentAndTheMapAgrees() {
        var buyer = buyers.one();
        var order = buyer.postOnce("/api/v1/orders", Map.of("eventId", show, "seats", List.of("HALL-B-4")));
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        var id = order.json().get("id").asString();

        var paid = buyer.postOnce("/api/v1/orders/" + id + "/payments", Map.of());

        assertThat(paid.json().get("status").asString()).isEqualTo("PAID");
        var row = Api.at(port)
                .get("/api/v1/events/" + show + "/seats")
                .json()
                .get("zones")
                .get(0)
                .get("rows")
                .get(1);
        assertThat(row.get("seats").asString()).isEqualTo("AAASAAAAAA");
        assertThat(partner.event(venue, show).toString()).contains(id);
        InvariantsHold.forEvent(invariants, show);
    }

    @Test
    void aCancelledHoldIsReleasedAtThePartner() {
        var buyer = buyers.one();
        var order = buyer.postOnce("/api/v1/orders", Map.of("eventId", show, "seats", List.of("HALL-C-1")));
        var id = order.json().get("id").asString();

        var cancelled = buyer.postOnce("/api/v1/orders/" + id + "/cancel", Map.of());

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        var again = buyers.one().postOnce("/api/v1/orders", Map.of("eventId", show, "seats", List.of("HALL-C-1")));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
    }

    @Test
    void aLapsedHoldIsReleasedAtThePartner() throws InterruptedException {
        buyers.one().postOnce("/api/v1/orders", Map.of("eventId", show, "seats", List.of("HALL-C-7")));
        assertThat(unavailableAtThePartner()).contains("HALL-C-7");

        clock.advance(java.time.Duration.ofMinutes(11));

        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (unavailableAtThePartner().contains("HALL-C-7") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(unavailableAtThePartner()).doesNotContain("HALL-C-7");
    }

    private String unavailableAtThePartner() {
        return partner.event(venue, show).get("unavailable").toString();
    }

    @Test
    void aPartnerOutageIsAClear503AndHoldsNothing() {
        partner.behave(Map.of("mode", "ALWAYS_FAIL"));

        var refused = buyers.one().postOnce("/api/v1/orders", Map.of("eventId", show, "seats", List.of("HALL-A-9")));

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("PROVIDER_UNAVAILABLE");
        partner.fastAndReliable();
        var zone =
                Api.at(port).get("/api/v1/events/" + show).json().get("zones").get(0);
        assertThat(zone.get("held").asInt()).isZero();
        InvariantsHold.forEvent(invariants, show);
    }

    @Test
    void theDemoCinemaStartsWithSeatsSoldAtItsOwnBoxOffice() {
        var cinema = Api.at(port)
                .get("/api/v1/events?kind=CINEMA&q=Steppe")
                .json()
                .get("items")
                .get(0);
        var rows = Api.at(port)
                .get("/api/v1/events/" + cinema.get("id").asString() + "/seats")
                .json()
                .get("zones")
                .get(0)
                .get("rows");
        long sold = 0;
        for (var row : rows) {
            sold += row.get("seats")
                    .asString()
                    .chars()
                    .filter(seat -> seat == 'S')
                    .count();
        }
        assertThat(sold).isBetween(20L, 60L);
    }
}
