package org.boxoffice.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.boxoffice.audit.Invariants;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.identity.Accounts;
import org.boxoffice.partner.Airline;
import org.boxoffice.partner.PartnerCircuitBreakers;
import org.boxoffice.partner.PartnerVenues;
import org.boxoffice.platform.BackgroundCalls;
import org.boxoffice.platform.jobs.Jobs;
import org.boxoffice.simulator.AirlineSimulatorControl;
import org.boxoffice.simulator.SimulatorEndpoint;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.boxoffice.testing.Buyers;
import org.boxoffice.testing.MovableClock;
import org.boxoffice.testing.PausedJobs;
import org.boxoffice.testing.Sales;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Flight holds go through the airline simulator over HTTP: PENDING, then HELD or FAILED. */
@BoxofficeIT
class FlightOrdersIT {

    private static final String SWEEPER = "ExpiringHolds.sweep";

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
    RecoveringPendingOrders recovering;

    @Autowired
    MovableClock clock;

    @Autowired
    Compensating compensating;

    @Autowired
    ExpiringHolds expiringHolds;

    @Autowired
    BackgroundCalls background;

    @Autowired
    Jobs jobs;

    PausedJobs pausedJobs;

    @Autowired
    JdbcClient jdbc;

    Sales sales;
    Buyers buyers;
    AirlineSimulatorControl airlineControl;

    @BeforeEach
    void setUp() {
        sales = new Sales(catalog);
        buyers = new Buyers(accounts, port);
        airlineControl = new AirlineSimulatorControl(simulator);
        airlineControl.fastAndReliable();
        PartnerCircuitBreakers.reset(airline, venues);
        pausedJobs = new PausedJobs(jobs);
    }

    @AfterEach
    void tearDown() {
        pausedJobs.resumeAll();
        // Whatever cancellation a test left owed is paid now, so that none is sent later.
        airlineControl.fastAndReliable();
        PartnerCircuitBreakers.reset(airline, venues);
        awaitBackgroundCalls();
        clock.advance(Duration.ofHours(1));
        compensating.retryDue();
        awaitBackgroundCalls();
        clock.reset();
        airlineControl.reset();
        PartnerCircuitBreakers.reset(airline, venues);
    }

    @Test
    void theAirlineConfirmsAndTheHoldTimeStartsThen() {
        var flight = sales.flight(5);

        var order = book(buyers.one(), flight);

        assertThat(order.status()).as(order.body()).isEqualTo(201);
        assertThat(order.json().get("status").asString()).isEqualTo("HELD");
        var reservation = airlineControl.reservation(order.json().get("id").asString());
        assertThat(reservation.get("status").asString()).isEqualTo("CONFIRMED");
        InvariantsHold.forEvent(invariants, flight);
    }

    @Test
    void anAirlineOutageFailsTheOrderAndHoldsNothing() {
        var flight = sales.flight(5);
        airlineControl.behave(Map.of("mode", "ALWAYS_FAIL"));
        var traveler = buyers.one();

        var refused = book(traveler, flight);

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("PROVIDER_UNAVAILABLE");
        var mine = traveler.get("/api/v1/me/orders").json().get("items").get(0);
        assertThat(mine.get("status").asString()).isEqualTo("FAILED");
        assertAvailable(flight, 5);
        InvariantsHold.forEvent(invariants, flight);
    }

    @Test
    void aReservationWhoseAnswerWasLostIsCancelledAtTheAirline() {
        var flight = sales.flight(5);
        airlineControl.behave(Map.of("mode", "LOSE_ANSWER_AFTER_RESERVE"));
        var traveler = buyers.one();

        var refused = book(traveler, flight);

        assertThat(refused.status()).isEqualTo(503);
        var orderId = traveler.get("/api/v1/me/orders")
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
        awaitBackgroundCalls();
        assertThat(airlineControl.reservation(orderId).get("status").asString()).isEqualTo("CANCELLED");
        assertAvailable(flight, 5);
    }

    @Test
    void aCancellationTheAirlineDidNotConfirmIsTriedAgainUntilItIs() {
        var flight = sales.flight(5);
        airlineControl.behave(Map.of("mode", "ALWAYS_FAIL"));
        var traveler = buyers.one();
        assertThat(book(traveler, flight).status()).isEqualTo(503);
        var orderId = UUID.fromString(traveler.get("/api/v1/me/orders")
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString());
        assertThat(owed(orderId))
                .as("the lost cancel answers leave a cancellation owed")
                .isOne();

        awaitBackgroundCalls();
        airlineControl.fastAndReliable();
        PartnerCircuitBreakers.reset(airline, venues);
        clock.advance(Duration.ofMinutes(1));
        compensating.retryDue();
        awaitBackgroundCalls();

        assertThat(owed(orderId)).isZero();
        assertThat(airlineControl.reservation(orderId.toString()).get("status").asString())
                .isEqualTo("CANCELLED");
    }

    @Test
    void aLapsedHoldOwesItsCancellationFromTheMomentItExpires() {
        var flight = sales.flight(5);
        var traveler = buyers.one();
        var orderId = book(traveler, flight).json().get("id").asString();
        pausedJobs.pause(SWEEPER);
        clock.advance(Duration.ofMinutes(4));

        // The expiry commits, and the server dies before it tells the airline.
        var expired = expiringHolds.expireBatch();

        assertThat(expired).extracting(Orders.EndedOrder::id).contains(UUID.fromString(orderId));
        assertThat(owed(UUID.fromString(orderId)))
                .as("owed in the transaction that expired the order")
                .isOne();
        assertThat(airlineControl.reservation(orderId).get("status").asString()).isEqualTo("CONFIRMED");

        clock.advance(Compensating.FIRST_RETRY_AFTER);
        compensating.retryDue();
        awaitBackgroundCalls();

        assertThat(owed(UUID.fromString(orderId))).isZero();
        assertThat(airlineControl.reservation(orderId).get("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void theSweeperHandsTheSlowAirlineItsCancelsWithoutWaitingForThem() {
        var flight = sales.flight(5);
        var orders = new ArrayList<String>();
        for (var traveler : buyers.many(3)) {
            orders.add(book(traveler, flight).json().get("id").asString());
        }
        airlineControl.behave(Map.of("latency", "1500ms-1600ms"));
        pausedJobs.pause(SWEEPER);
        clock.advance(Duration.ofMinutes(4));

        long started = System.nanoTime();
        expiringHolds.sweep();
        var swept = Duration.ofNanos(System.nanoTime() - started);

        assertThat(swept)
                .as("three cancels of 1.5 s each are not waited for on the job's thread")
                .isLessThan(Duration.ofMillis(1000));
        awaitBackgroundCalls();
        for (var orderId : orders) {
            assertThat(airlineControl.reservation(orderId).get("status").asString())
                    .isEqualTo("CANCELLED");
            assertThat(owed(UUID.fromString(orderId))).isZero();
        }
        assertAvailable(flight, 5);
    }

    private void awaitBackgroundCalls() {
        assertThat(background.awaitIdle(Duration.ofSeconds(30)))
                .as("background calls done")
                .isTrue();
    }

    private long owed(UUID orderId) {
        return jdbc.sql("SELECT count(*) FROM compensation WHERE order_id = :order")
                .param("order", orderId)
                .query(Long.class)
                .single();
    }

    @Test
    void aRefusalFailsTheOrder() {
        var flight = sales.flight(5);
        airlineControl.behave(Map.of("mode", "ALWAYS_REFUSE"));

        var refused = book(buyers.one(), flight);

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertAvailable(flight, 5);
    }

    @Test
    void aYesThatComesAfterRecoveryGaveUpIsCompensated() throws Exception {
        var flight = sales.flight(5);
        airlineControl.behave(Map.of("latency", "1200ms-1300ms"));
        var traveler = buyers.one();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var booking = pool.submit(() -> book(traveler, flight));
            Thread.sleep(400);
            clock.advance(Duration.ofMinutes(3));
            recovering.recover();

            var refused = booking.get();

            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        }
        awaitBackgroundCalls();
        var order = traveler.get("/api/v1/me/orders").json().get("items").get(0);
        assertThat(order.get("status").asString()).isEqualTo("FAILED");
        assertThat(airlineControl
                        .reservation(order.get("id").asString())
                        .get("status")
                        .asString())
                .isEqualTo("CANCELLED");
        clock.reset();
        assertAvailable(flight, 5);
        InvariantsHold.forEvent(invariants, flight);
    }

    @Test
    void manyTravelersForOneFlightWithAFlakyAirlineNeverOversell() throws Exception {
        var flight = sales.flight(20);
        airlineControl.behave(Map.of("latency", "5ms-60ms", "failureRate", 0.2));
        var crowd = buyers.many(60);
        var bookings = new ArrayList<Callable<Api.Reply>>();
        crowd.forEach(traveler -> bookings.add(() -> book(traveler, flight)));

        var held = 0;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var booking : pool.invokeAll(bookings)) {
                var reply = booking.get();
                assertThat(reply.status()).as(reply.body()).isIn(201, 409, 503);
                held += reply.status() == 201 ? 1 : 0;
            }
        }

        assertThat(held).isLessThanOrEqualTo(20).isPositive();
        assertThat(airlineControl.totals().get("ticketsDoubleBooked").asInt()).isZero();
        var zone =
                Api.at(port).get("/api/v1/events/" + flight).json().get("zones").get(0);
        assertThat(zone.get("held").asInt()).isEqualTo(held);
        assertThat(zone.get("available").asInt()).isEqualTo(20 - held);
        InvariantsHold.forEvent(invariants, flight);
    }

    private static Api.Reply book(Api traveler, UUID flight) {
        return traveler.postOnce("/api/v1/orders", Map.of("eventId", flight, "zone", "ECONOMY", "quantity", 1));
    }

    private void assertAvailable(UUID flight, int available) {
        var zone =
                Api.at(port).get("/api/v1/events/" + flight).json().get("zones").get(0);
        assertThat(zone.get("available").asInt()).isEqualTo(available);
        assertThat(zone.get("held").asInt()).isZero();
    }
}
