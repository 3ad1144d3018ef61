package org.boxoffice.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.ordering.StalledDrain.awaitTrue;
import static org.boxoffice.ordering.StalledDrain.hold;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.boxoffice.audit.Invariants;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.identity.Accounts;
import org.boxoffice.partner.Airline;
import org.boxoffice.partner.PartnerCircuitBreakers;
import org.boxoffice.partner.PartnerVenues;
import org.boxoffice.simulator.AirlineSimulatorControl;
import org.boxoffice.simulator.SimulatorEndpoint;
import org.boxoffice.testing.AllAtOnce;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.Buyers;
import org.boxoffice.testing.Sales;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Load shedding per event, for real: one event's drain is stalled by the test (it holds the
 * advisory locks of the buyers in the two groups its drainers are deciding, so both wait), a
 * crowd then asks it for holds all at once, and a second event sells meanwhile. Its own server (a
 * second context on the same engines) with a low floor, and lock and answer timeouts long enough
 * that the stall lasts as long as the test wants.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Closed after the class: a second context left alive keeps running its scheduled jobs against
// the shared database with its own simulators.
@DirtiesContext
@TestPropertySource(
        properties = {
            "boxoffice.holds.shed-min-depth=" + LoadSheddingIT.FLOOR,
            "boxoffice.holds.answer-within=60s",
            "boxoffice.database.lock-timeout=60s",
            "boxoffice.database.statement-timeout=60s"
        })
class LoadSheddingIT {

    private static final Logger log = LoggerFactory.getLogger(LoadSheddingIT.class);

    static final int FLOOR = 40;
    private static final int CROWD = 300;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    Accounts accounts;

    @Autowired
    Invariants invariants;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SimulatorEndpoint simulator;

    @Autowired
    Airline airline;

    @Autowired
    PartnerVenues venues;

    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    Sales sales;
    Buyers buyers;

    @AfterEach
    void tearDown() {
        background.close();
    }

    @BeforeEach
    void setUp() {
        sales = new Sales(catalog);
        buyers = new Buyers(accounts, port);
    }

    @Test
    void aFloodedEventIsShedAtOnceWhileAnotherEventSellsAtItsUsualPace() throws Exception {
        var flooded = sales.arena(CROWD + 10, Sales.generous());
        var other = sales.arena(100, Sales.generous());
        var crowd = buyers.many(CROWD);
        var othersBuyers = buyers.many(30);
        var idleLatency = slowest(AllAtOnce.send(buyers.many(10), buyer -> timed(buyer, other)));

        CompletableFuture<List<Api.Reply>> flood;
        List<Api.Reply> othersReplies;
        var stall = new StalledDrain(flooded, dataSource, jdbc, buyers, background);
        try {
            var refusedSoFar = new AtomicInteger();
            flood = CompletableFuture.supplyAsync(
                    () -> AllAtOnce.send(crowd, buyer -> {
                        var reply = hold(buyer, flooded);
                        if (reply.status() == 503) {
                            refusedSoFar.incrementAndGet();
                        }
                        return reply;
                    }),
                    background);
            awaitTrue(
                    "every hold of the crowd counted in or shed", () -> inFlight(flooded) + shed(flooded) >= CROWD + 2);
            awaitTrue("every hold shed answered while the stall lasts", () -> refusedSoFar.get() >= shed(flooded));

            othersReplies = AllAtOnce.send(othersBuyers, buyer -> timed(buyer, other));

            assertThat(flood)
                    .as("the flooded event's admitted holds still wait")
                    .isNotDone();
            assertThat(inFlight(flooded)).isEqualTo(FLOOR);
            // More than the event's share (32 places) wait for their group: parked, they lent their places out.
            awaitTrue("no place taken while the holds wait for their group", () -> sharesRunning() == 0);
        } finally {
            stall.close();
        }

        var replies = flood.get();
        var refused = replies.stream().filter(reply -> reply.status() == 503).toList();
        var held = replies.stream().filter(reply -> reply.status() == 201).toList();
        assertThat(refused).hasSize(CROWD + 2 - FLOOR);
        assertThat(refused).allSatisfy(reply -> {
            assertThat(reply.code()).isEqualTo("OVERLOADED");
            assertThat(reply.header("Retry-After")).isNotNull();
            assertThat(Integer.parseInt(reply.header("Retry-After"))).isBetween(1, 5);
        });
        assertThat(held)
                .as("the holds let in are all decided once the drain moves")
                .hasSize(FLOOR - 2);
        assertThat(shed(flooded)).isEqualTo(refused.size());
        assertThat(othersReplies).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(201));
        var busyLatency = slowest(othersReplies);
        log.info(
                "Shed {} of {} holds of the flooded event; the other event's slowest hold: {} idle, {} during the flood",
                refused.size(),
                CROWD + 2,
                idleLatency,
                busyLatency);
        assertThat(busyLatency)
                .as("the other event's slowest hold during the flood (idle: %s)", idleLatency)
                .isLessThan(Duration.ofMillis(1500));
        assertThat(shed(other)).isZero();
        InvariantsHold.forEvent(invariants, flooded);
        InvariantsHold.forEvent(invariants, other);
    }

    @Test
    void aShedHoldChangedNothingSoItsIdempotencyKeyIsDecidedAfreshOnReplay() throws Exception {
        var flooded = sales.arena(FLOOR + 10, Sales.generous());
        var crowd = buyers.many(FLOOR - 2);
        var buyer = buyers.one().header("Idempotency-Key", "shed-" + UUID.randomUUID());
        Api.Reply refused;
        CompletableFuture<List<Api.Reply>> admitted;
        var stall = new StalledDrain(flooded, dataSource, jdbc, buyers, background);
        try {
            admitted =
                    CompletableFuture.supplyAsync(() -> AllAtOnce.send(crowd, each -> hold(each, flooded)), background);
            awaitTrue("the crowd counted in", () -> inFlight(flooded) == FLOOR);

            refused = buyer.post("/api/v1/orders", Map.of("eventId", flooded, "zone", "FLOOR", "quantity", 1));
        } finally {
            stall.close();
        }
        admitted.get();

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("OVERLOADED");
        var replayed = retryUntilNotRunning(buyer, flooded);
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.header("Idempotent-Replayed")).isNull();
        var again = buyer.post("/api/v1/orders", Map.of("eventId", flooded, "zone", "FLOOR", "quantity", 1));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("id").asString())
                .isEqualTo(replayed.json().get("id").asString());
        InvariantsHold.forEvent(invariants, flooded);
    }

    @Test
    void flightHoldsWaitingForASlowAirlineAreShedByTheSameRule() {
        var flight = sales.flight(CROWD);
        var travelers = buyers.many(CROWD);
        var airlineControl = new AirlineSimulatorControl(simulator);
        // Slow but well: every hold waits a good part of a second for the airline's yes.
        airlineControl.behave(Map.of("latency", "400ms-500ms", "failureRate", 0));
        List<Api.Reply> replies;
        try {
            replies = AllAtOnce.send(
                    travelers,
                    traveler -> traveler.postOnce(
                            "/api/v1/orders", Map.of("eventId", flight, "zone", "ECONOMY", "quantity", 1)));
        } finally {
            airlineControl.reset();
            PartnerCircuitBreakers.reset(airline, venues);
        }

        // A 503 here is shedding, or, for a hold let in, the airline's deadline or the database
        // pool on a crowded test machine: every one says when to come back.
        var unavailable =
                replies.stream().filter(reply -> reply.status() == 503).toList();
        assertThat(unavailable).allSatisfy(reply -> {
            assertThat(reply.code()).isIn("OVERLOADED", "PROVIDER_UNAVAILABLE");
            assertThat(reply.header("Retry-After")).isNotNull();
        });
        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).isIn(201, 503));
        assertThat(shed(flight)).as("flight holds refused by shedding").isPositive();
        assertThat(unavailable.stream().filter(reply -> "OVERLOADED".equals(reply.code())))
                .hasSizeGreaterThanOrEqualTo((int) shed(flight));
        assertThat(replies.stream().filter(reply -> reply.status() == 201))
                .as("holds let in and confirmed")
                .isNotEmpty();
        InvariantsHold.forEvent(invariants, flight);
    }

    /**
     * The refused key is released in the background; a replay that comes first waits for it and may
     * be told it is in use. Bounded.
     */
    private Api.Reply retryUntilNotRunning(Api buyer, UUID event) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            var reply = buyer.post("/api/v1/orders", Map.of("eventId", event, "zone", "FLOOR", "quantity", 1));
            if (reply.status() != 409 || System.nanoTime() > deadline) {
                return reply;
            }
            Thread.sleep(50);
        }
    }

    /** A hold whose reply carries how long it took, in a header of the test's own. */
    private static Api.Reply timed(Api buyer, UUID event) {
        long started = System.nanoTime();
        var reply = hold(buyer, event);
        var headers = new java.util.HashMap<>(reply.headers());
        headers.put("X-Test-Took-Nanos", List.of(Long.toString(System.nanoTime() - started)));
        return new Api.Reply(reply.status(), headers, reply.body());
    }

    private static Duration slowest(List<Api.Reply> replies) {
        return replies.stream()
                .map(reply -> Duration.ofNanos(Long.parseLong(reply.header("X-Test-Took-Nanos"))))
                .max(Duration::compareTo)
                .orElseThrow();
    }

    private double inFlight(UUID event) {
        var gauge = meters.find("boxoffice.holds.in-flight")
                .tag("event", event.toString())
                .gauge();
        return gauge == null ? 0 : gauge.value();
    }

    private double sharesRunning() {
        var gauge = meters.find("boxoffice.admission.shares.running").gauge();
        return gauge == null ? 0 : gauge.value();
    }

    private double shed(UUID event) {
        var counter = meters.find("boxoffice.holds.shed")
                .tag("event", event.toString())
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
