package org.boxoffice.partner;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.identity.Accounts;
import org.boxoffice.simulator.AirlineSimulatorControl;
import org.boxoffice.simulator.SimulatorEndpoint;
import org.boxoffice.testing.AllAtOnce;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.Buyers;
import org.boxoffice.testing.Sales;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The airline's breaker judges the airline, not our own load: a crowd of flight holds against a
 * slow but healthy airline, through a small bulkhead, waits its turn and times out now and then,
 * and the breaker stays closed; an airline that is down (refusing all, or answering nobody) opens
 * it within a few calls. Its own server (a second context on the same engines): a bulkhead of 8,
 * a short read timeout and a long deadline, so that a crowd of 48 queues and tries time out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Closed after the class: a second context left alive keeps running its scheduled jobs against
// the shared database with its own simulators (its payment reconciliation asked its own payment
// simulator about other contexts' payments).
@DirtiesContext
@TestPropertySource(
        properties = {
            "boxoffice.airline.bulkhead.max-concurrent-calls=8",
            "boxoffice.airline.read-timeout=400ms",
            "boxoffice.airline.deadline=20s",
            // The production default: with 3 s a starved test JVM beside other work heard nothing
            // from the healthy in-process airline for that long and blamed it once.
            "boxoffice.airline.circuit-breaker.silence-before-blame=10s"
        })
class AirlineBreakerUnderLoadIT {

    private static final int CROWD = 48;

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    Accounts accounts;

    @Autowired
    Airline airline;

    @Autowired
    PartnerVenues venues;

    @Autowired
    SimulatorEndpoint simulator;

    @Autowired
    MeterRegistry meters;

    Sales sales;
    Buyers buyers;
    AirlineSimulatorControl control;

    @BeforeEach
    void setUp() {
        sales = new Sales(catalog);
        buyers = new Buyers(accounts, port);
        control = new AirlineSimulatorControl(simulator);
        PartnerCircuitBreakers.reset(airline, venues);
    }

    @AfterEach
    void tearDown() {
        control.reset();
        PartnerCircuitBreakers.reset(airline, venues);
    }

    @Test
    void aCrowdOfHoldsAgainstASlowButHealthyAirlineDoesNotOpenItsBreaker() {
        // Half the airline's answers take longer than one try may wait (400 ms), and a tenth of its
        // calls fail; it answers other calls all the while.
        control.behave(Map.of("latency", "100ms-700ms", "failureRate", 0.1));
        var opened = new AtomicInteger();
        airline.calls().breaker().getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                opened.incrementAndGet();
            }
        });
        var flight = sales.flight(CROWD);
        double ourTimeoutsBefore = tries("timeout-ours");

        var replies = AllAtOnce.send(buyers.many(CROWD), buyer -> book(buyer, flight));

        assertThat(opened.get()).as("times the breaker opened").isZero();
        assertThat(airline.calls().breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(tries("timeout-ours") - ourTimeoutsBefore)
                .as("tries that timed out while the airline answered others")
                .isPositive();
        // The airline refuses a few (overbooked); nobody is turned away by the breaker.
        assertThat(replies.stream().filter(reply -> reply.status() == 201)).hasSizeGreaterThan(CROWD * 3 / 4);
        // Background work (compensating a hold whose reservation went unanswered, releasing an
        // expired one) calls the airline too, through the same bulkhead: each such call ends within
        // the deadline, and then no place may be left taken.
        awaitBulkheadEmpty(airline.calls().deadline().plusSeconds(5));
    }

    @Test
    void anAirlineThatIsDownOpensTheBreakerWithinAFewCallsAndHoldsAreRefusedAtOnce() {
        control.behave(Map.of("mode", "ALWAYS_FAIL"));
        var flight = sales.flight(5);
        long requestsBefore = control.requests().get("reserve").asLong();

        long started = System.nanoTime();
        var first = book(buyers.one(), flight);
        var firstTook = Duration.ofNanos(System.nanoTime() - started);

        assertThat(first.status()).isEqualTo(503);
        assertThat(airline.calls().breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(control.requests().get("reserve").asLong() - requestsBefore)
                .as("reservations sent before the breaker opened (it judges 10 calls or more)")
                .isLessThanOrEqualTo(12L);
        assertThat(firstTook).as("before the 20 s deadline").isLessThan(Duration.ofSeconds(19));
        assertRefusedAtOnce(flight);
    }

    @Test
    void anAirlineThatAnswersNobodyOpensTheBreakerToo() {
        control.behave(Map.of("mode", "TIMEOUT"));
        var flight = sales.flight(5);

        var first = book(buyers.one(), flight);

        assertThat(first.status()).isEqualTo(503);
        // Silent tries are blamed once the silence has lasted; on a busy machine fewer tries fit
        // in the hold's deadline, so the last verdicts may come just after its answer.
        awaitBreakerOpen(Duration.ofSeconds(20));
        assertRefusedAtOnce(flight);
    }

    private void awaitBulkheadEmpty(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (airline.calls().bulkhead().inFlight() > 0 && System.nanoTime() < deadline) {
            pause();
        }
        assertThat(airline.calls().bulkhead().inFlight())
                .as("places in the bulkhead still taken")
                .isZero();
    }

    private void awaitBreakerOpen(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (airline.calls().breaker().getState() != CircuitBreaker.State.OPEN && System.nanoTime() < deadline) {
            pause();
        }
        assertThat(airline.calls().breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void assertRefusedAtOnce(UUID flight) {
        var traveler = buyers.one();
        long started = System.nanoTime();
        var refused = book(traveler, flight);
        var took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(took).isLessThan(Duration.ofMillis(1000));
        assertThat(traveler.get("/api/v1/me/orders").json().get("items").size())
                .as("an open breaker refuses before any order is written")
                .isZero();
    }

    private double tries(String outcome) {
        var counter = meters.find("boxoffice.provider.tries")
                .tag("provider", "airline")
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static Api.Reply book(Api traveler, UUID flight) {
        return traveler.postOnce("/api/v1/orders", Map.of("eventId", flight, "zone", "ECONOMY", "quantity", 1));
    }
}
