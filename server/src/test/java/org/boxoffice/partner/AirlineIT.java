package org.boxoffice.partner;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.boxoffice.platform.ProviderTime;
import org.boxoffice.simulator.AirlineSimulatorControl;
import org.boxoffice.simulator.SimulatorEndpoint;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BoxofficeIT
class AirlineIT {

    @Autowired
    Airline airline;

    @Autowired
    PartnerVenues venues;

    @Autowired
    SimulatorEndpoint simulator;

    AirlineSimulatorControl control;

    @BeforeEach
    void fastAirline() {
        control = new AirlineSimulatorControl(simulator);
        control.fastAndReliable();
        PartnerCircuitBreakers.reset(airline, venues);
    }

    @AfterEach
    void resetAirline() {
        control.reset();
        PartnerCircuitBreakers.reset(airline, venues);
        ProviderTime.reset();
    }

    @Test
    void theAirlineConfirmsTheTicketsUnderTheKey() {
        var flightId = UUID.randomUUID();
        var tickets = List.of(UUID.randomUUID(), UUID.randomUUID());

        var outcome = airline.reserve(flightId, tickets, "order-1-" + flightId);

        assertThat(outcome).isInstanceOf(AirlineOutcome.Confirmed.class);
        var reservations = control.reservationsFor(flightId);
        assertThat(reservations).hasSize(1);
        var reservation = reservations.getFirst();
        assertThat(reservation.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(reservation.get("reference").asString()).isEqualTo(((AirlineOutcome.Confirmed) outcome).reference());
        assertThat(reservation.get("ticketIds").get(0).asString())
                .isEqualTo(tickets.get(0).toString());
        assertThat(reservation.get("ticketIds").get(1).asString())
                .isEqualTo(tickets.get(1).toString());
        assertThat(airline.lookup("order-1-" + flightId)).isEqualTo(ReservationStatus.CONFIRMED);
    }

    @Test
    void retriesAfterLostAnswersReuseTheKeyAndReserveOnce() {
        control.behave(Map.of("mode", "LOSE_ANSWER_AFTER_RESERVE", "times", 2));
        var flightId = UUID.randomUUID();

        var outcome = airline.reserve(flightId, List.of(UUID.randomUUID()), "order-2-" + flightId);

        assertThat(outcome).isInstanceOf(AirlineOutcome.Confirmed.class);
        var reservations = control.reservationsFor(flightId);
        assertThat(reservations).hasSize(1);
        assertThat(reservations.getFirst().get("requests").asInt()).isEqualTo(3);
        assertThat(reservations.getFirst().get("reservationKey").asString()).isEqualTo("order-2-" + flightId);
    }

    @Test
    void retriesAfterOutagesReuseTheKeyAndReserveOnce() {
        // Two outages, not three: three jittered backoffs (up to 2.1 s) may not leave the last
        // try room within the tests' 2 s deadline on a busy machine.
        control.behave(Map.of("mode", "ALWAYS_FAIL", "times", 2));
        var flightId = UUID.randomUUID();

        var outcome = airline.reserve(flightId, List.of(UUID.randomUUID()), "order-3-" + flightId);

        assertThat(outcome).isInstanceOf(AirlineOutcome.Confirmed.class);
        assertThat(control.reservationsFor(flightId)).hasSize(1);
        assertThat(control.reservation("order-3-" + flightId).get("requests").asInt())
                .isEqualTo(1);
    }

    @Test
    void anAirlineThatStaysDownIsUnavailableWhenTheDeadlinePasses() {
        control.behave(Map.of("mode", "ALWAYS_FAIL"));
        var flightId = UUID.randomUUID();
        long requestsBefore = control.requests().get("reserve").asLong();

        long started = System.nanoTime();
        var outcome = airline.reserve(flightId, List.of(UUID.randomUUID()), "order-4-" + flightId);
        var took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(outcome).isEqualTo(new AirlineOutcome.Unavailable());
        var deadline = airline.calls().deadline();
        assertThat(took).isBetween(deadline.minusSeconds(1), deadline.plusSeconds(1));
        assertThat(control.requests().get("reserve").asLong() - requestsBefore)
                .as("retried until the deadline")
                .isGreaterThanOrEqualTo(3);
        assertThat(control.reservationsFor(flightId)).isEmpty();
    }

    @Test
    void aFailingAirlineOpensTheBreakerWhichThenAnswersAtOnce() throws Exception {
        control.behave(Map.of("mode", "ALWAYS_FAIL"));
        var reservations = new ArrayList<Callable<AirlineOutcome>>();
        for (int i = 0; i < 6; i++) {
            var flightId = UUID.randomUUID();
            reservations.add(() -> airline.reserve(flightId, List.of(UUID.randomUUID()), "order-5-" + flightId));
        }
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var outcomes =
                    threads.invokeAll(reservations).stream().map(AirlineIT::get).toList();
            assertThat(outcomes).containsOnly(new AirlineOutcome.Unavailable());
        }
        assertThat(airline.calls().breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        long requestsBefore = control.requests().get("reserve").asLong();

        long started = System.nanoTime();
        var outcome = airline.reserve(UUID.randomUUID(), List.of(UUID.randomUUID()), "order-5-" + UUID.randomUUID());
        var took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(outcome).isEqualTo(new AirlineOutcome.Unavailable());
        assertThat(took).isLessThan(Duration.ofMillis(500));
        assertThat(control.requests().get("reserve").asLong()).isEqualTo(requestsBefore);
        assertThat(airline.lookup("anything")).isEqualTo(ReservationStatus.UNKNOWN);
        assertThat(airline.cancel("anything")).isFalse();
    }

    @Test
    void aReservationWhoseAnswerWasLostIsFoundAndCancelled() {
        var flightId = UUID.randomUUID();
        var key = "order-6-" + flightId;
        // The engine sent the reservation and crashed: the airline reserved, nobody heard.
        control.behave(Map.of("mode", "LOSE_ANSWER_AFTER_RESERVE", "times", 1));
        var lost = Api.at(simulator.baseUrl().getPort())
                .post(
                        "/airline/reservations",
                        Map.of(
                                "reservationKey",
                                key,
                                "flightId",
                                flightId.toString(),
                                "ticketIds",
                                List.of(UUID.randomUUID().toString()),
                                "passengerRef",
                                key));
        assertThat(lost.status()).isEqualTo(504);

        assertThat(airline.lookup(key)).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(airline.cancel(key)).isTrue();
        assertThat(airline.cancel(key)).isTrue();

        assertThat(airline.lookup(key)).isEqualTo(ReservationStatus.NOT_FOUND);
        assertThat(control.reservation(key).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(control.totals().get("ticketsDoubleBooked").asLong()).isZero();
    }

    @Test
    void aCancelledKeyNeverReservesLater() {
        var flightId = UUID.randomUUID();
        var key = "order-7-" + flightId;

        assertThat(airline.lookup(key)).isEqualTo(ReservationStatus.NOT_FOUND);
        assertThat(airline.cancel(key)).isTrue();
        var late = airline.reserve(flightId, List.of(UUID.randomUUID()), key);

        assertThat(late).isEqualTo(new AirlineOutcome.Refused("CANCELLED"));
        assertThat(airline.lookup(key)).isEqualTo(ReservationStatus.NOT_FOUND);
    }

    @Test
    void anOverbookedFlightIsRefusedForGood() {
        control.behave(Map.of("mode", "ALWAYS_REFUSE", "times", 1));
        var flightId = UUID.randomUUID();
        var tickets = List.of(UUID.randomUUID());

        var outcome = airline.reserve(flightId, tickets, "order-8-" + flightId);

        assertThat(outcome).isEqualTo(new AirlineOutcome.Refused("OVERBOOKED"));
        assertThat(airline.reserve(flightId, tickets, "order-8-" + flightId)).isEqualTo(outcome);
        assertThat(airline.lookup("order-8-" + flightId)).isEqualTo(ReservationStatus.NOT_FOUND);
    }

    @Test
    void timeWaitedOnTheAirlineCountsForTheRequest() {
        control.behave(Map.of("latency", "60ms"));
        ProviderTime.reset();

        airline.reserve(UUID.randomUUID(), List.of(UUID.randomUUID()), "order-9-" + UUID.randomUUID());

        assertThat(ProviderTime.ofThisRequest()).isGreaterThanOrEqualTo(Duration.ofMillis(60));
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
