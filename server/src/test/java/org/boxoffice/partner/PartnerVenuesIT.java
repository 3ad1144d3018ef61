package org.boxoffice.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.boxoffice.simulator.PartnerSimulatorControl;
import org.boxoffice.simulator.SimulatorEndpoint;
import org.boxoffice.testing.BoxofficeIT;
import org.boxoffice.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BoxofficeIT
class PartnerVenuesIT {

    /** The demo cinema's partner URL, as its event stores it. */
    private static final URI CINEMA = URI.create("http://partner-simulator.boxoffice.internal/arman-cinema");

    private static final String VENUE = "arman-cinema";

    @Autowired
    PartnerVenues venues;

    @Autowired
    Airline airline;

    @Autowired
    SimulatorEndpoint simulator;

    @Autowired
    MovableClock clock;

    PartnerSimulatorControl control;
    UUID eventId = UUID.randomUUID();

    @BeforeEach
    void fastPartner() {
        control = new PartnerSimulatorControl(simulator);
        control.fastAndReliable();
        PartnerCircuitBreakers.reset(airline, venues);
    }

    @AfterEach
    void resetPartner() {
        control.reset();
        PartnerCircuitBreakers.reset(airline, venues);
        clock.reset();
    }

    @Test
    void theDemoCinemaHasSoldSomeSeatsAtItsOwnBoxOffice() {
        var unavailable = venues.unavailableSeats(CINEMA, eventId);

        assertThat(unavailable.size()).isBetween(32, 54);
        assertThat(unavailable).allMatch(seat -> seat.matches("HALL-[A-HJ-M]-([1-9]|1[0-8])"));
        assertThat(unavailable).containsExactlyInAnyOrderElementsOf(control.soldAtBoxOffice(VENUE, eventId));
    }

    @Test
    void seatsAreAskedForOncePerSecondAndSalesAtTheBoxOfficeShowAfterwards() {
        var before = venues.unavailableSeats(CINEMA, eventId);
        long asked = seatRequests();
        var seat = freeSeats(1).getFirst();
        assertThat(control.sellAtBoxOffice(VENUE, eventId, List.of(seat))).isEmpty();

        assertThat(venues.unavailableSeats(CINEMA, eventId)).isEqualTo(before).doesNotContain(seat);
        assertThat(seatRequests()).isEqualTo(asked);

        clock.advance(Duration.ofSeconds(2));
        assertThat(venues.unavailableSeats(CINEMA, eventId)).contains(seat).containsAll(before);
        assertThat(seatRequests()).isEqualTo(asked + 1);
    }

    @Test
    void heldSeatsAreTakenForOthersUntilReleased() {
        var seats = freeSeats(2);

        assertThat(venues.hold(CINEMA, eventId, seats, "hold-1-" + eventId)).isEqualTo(new PartnerHold.Held());
        assertThat(venues.hold(CINEMA, eventId, seats, "hold-1-" + eventId)).isEqualTo(new PartnerHold.Held());
        assertThat(venues.unavailableSeats(CINEMA, eventId)).containsAll(seats);
        assertThat(venues.hold(CINEMA, eventId, List.of(seats.get(1)), "hold-2-" + eventId))
                .isEqualTo(new PartnerHold.Taken(List.of(seats.get(1))));

        assertThat(venues.release(CINEMA, eventId, "hold-1-" + eventId)).isTrue();
        assertThat(venues.release(CINEMA, eventId, "hold-1-" + eventId)).isTrue();

        assertThat(venues.unavailableSeats(CINEMA, eventId)).doesNotContainAnyElementsOf(seats);
        assertThat(venues.hold(CINEMA, eventId, List.of(seats.get(1)), "hold-3-" + eventId))
                .isEqualTo(new PartnerHold.Held());
    }

    @Test
    void aSeatSoldAtTheBoxOfficeIsNamedAndNothingIsHeld() {
        var free = freeSeats(1).getFirst();
        var sold = control.soldAtBoxOffice(VENUE, eventId).getFirst();

        var hold = venues.hold(CINEMA, eventId, List.of(free, sold), "hold-4-" + eventId);

        assertThat(hold).isEqualTo(new PartnerHold.Taken(List.of(sold)));
        assertThat(venues.unavailableSeats(CINEMA, eventId)).doesNotContain(free);
    }

    @Test
    void aConfirmedHoldIsSoldAndAReleasedOneCannotBeConfirmed() {
        var seats = freeSeats(2);
        venues.hold(CINEMA, eventId, seats, "hold-5-" + eventId);

        assertThat(venues.confirm(CINEMA, eventId, "hold-5-" + eventId)).isTrue();
        assertThat(venues.confirm(CINEMA, eventId, "hold-5-" + eventId)).isTrue();
        assertThat(status("hold-5-" + eventId)).isEqualTo("SOLD");
        assertThat(venues.unavailableSeats(CINEMA, eventId)).containsAll(seats);

        venues.hold(CINEMA, eventId, freeSeats(1), "hold-6-" + eventId);
        venues.release(CINEMA, eventId, "hold-6-" + eventId);
        assertThat(venues.confirm(CINEMA, eventId, "hold-6-" + eventId)).isFalse();
        assertThat(venues.confirm(CINEMA, eventId, "never-held-" + eventId)).isFalse();
    }

    @Test
    void aHoldWhoseAnswerWasLostIsHeldOnceAndTheRetryLearnsIt() {
        control.behave(Map.of("mode", "LOSE_ANSWER_AFTER_CHANGE", "times", 2));
        var seats = freeSeats(1);

        var hold = venues.hold(CINEMA, eventId, seats, "hold-7-" + eventId);

        assertThat(hold).isEqualTo(new PartnerHold.Held());
        var holds = control.event(VENUE, eventId).get("holds");
        assertThat(holds.size()).isEqualTo(1);
        assertThat(holds.get(0).get("requests").asInt()).isEqualTo(3);
    }

    @Test
    void aPartnerThatIsDownIsUnavailableAndServesWhatIsCached() {
        var cached = venues.unavailableSeats(CINEMA, eventId);
        control.behave(Map.of("mode", "ALWAYS_FAIL"));
        clock.advance(Duration.ofSeconds(2));

        assertThat(venues.unavailableSeats(CINEMA, eventId)).isEqualTo(cached);
        assertThatThrownBy(() -> venues.unavailableSeats(CINEMA, UUID.randomUUID()))
                .isInstanceOf(PartnerUnavailable.class)
                .satisfies(e -> assertThat(((PartnerUnavailable) e).status()).isEqualTo(503))
                .satisfies(e -> assertThat(((PartnerUnavailable) e).code()).isEqualTo("PROVIDER_UNAVAILABLE"));
        assertThat(venues.hold(CINEMA, eventId, List.of("HALL-A-1"), "hold-8-" + eventId))
                .isEqualTo(new PartnerHold.Unavailable());
        assertThat(venues.release(CINEMA, eventId, "hold-8-" + eventId)).isFalse();
        assertThat(venues.confirm(CINEMA, eventId, "hold-8-" + eventId)).isFalse();
    }

    @Test
    void aPartnerThatStaysDownOpensItsOwnBreakerOnly() throws Exception {
        control.behave(Map.of("mode", "ALWAYS_FAIL"));

        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var holds = IntStream.range(0, 6)
                    .mapToObj(i -> threads.submit(
                            () -> venues.hold(CINEMA, eventId, List.of("HALL-A-1"), "hold-9-" + i + "-" + eventId)))
                    .toList();
            for (var hold : holds) {
                assertThat(hold.get()).isEqualTo(new PartnerHold.Unavailable());
            }
        }

        var venue = URI.create(simulator.partnerVenues() + "/" + VENUE);
        assertThat(venues.calls(venue).breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(airline.calls().breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        control.reset();
        control.fastAndReliable();
        var other = URI.create("http://partner-simulator.boxoffice.internal/other-cinema");
        assertThat(venues.unavailableSeats(other, eventId)).isEmpty();
    }

    @Test
    void aVenueTheSimulatorDoesNotKnowHasEverySeatFree() {
        var other = URI.create("http://partner-simulator.boxoffice.internal/riverside-cinema");

        assertThat(venues.unavailableSeats(other, eventId)).isEmpty();
        assertThat(venues.hold(other, eventId, List.of("MAIN-1-1"), "hold-10-" + eventId))
                .isEqualTo(new PartnerHold.Held());
    }

    private long seatRequests() {
        return control.event(VENUE, eventId).get("seatRequests").asLong();
    }

    private String status(String holdKey) {
        for (var hold : control.event(VENUE, eventId).get("holds")) {
            if (hold.get("holdKey").asString().equals(holdKey)) {
                return hold.get("status").asString();
            }
        }
        throw new AssertionError("No hold " + holdKey);
    }

    /** Seats of the demo hall the box office has not sold, in hall order. */
    private List<String> freeSeats(int count) {
        var sold = control.soldAtBoxOffice(VENUE, eventId);
        return List.of("A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M").stream()
                .flatMap(row -> IntStream.rangeClosed(1, 18).mapToObj(n -> "HALL-" + row + "-" + n))
                .filter(seat -> !sold.contains(seat))
                .limit(count)
                .toList();
    }
}
