package org.boxoffice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PartnerSimulatorTest {

    private static final LatencyRange INSTANT = LatencyRange.of("0ms");
    private static final String CINEMA = "arman-cinema";

    private final PartnerSimulator partner = simulator();

    @Test
    void aKnownHallStartsWithAFifthOrSoSoldAtTheBoxOfficeTheSameSeatsEveryStart() throws Exception {
        var sold = unavailable(partner, CINEMA, "event-1");

        assertThat(sold.size()).isBetween(32, 54);
        assertThat(sold).allMatch(seat -> seat.matches("HALL-[A-HJ-M]-([1-9]|1[0-8])"));
        assertThat(unavailable(simulator(), CINEMA, "event-1")).isEqualTo(sold);
        assertThat(unavailable(partner, CINEMA, "event-2")).isNotEqualTo(sold);
    }

    @Test
    void anUnknownVenueStartsWithEverySeatFreeAndAcceptsAnySeat() throws Exception {
        assertThat(unavailable(partner, "other-venue", "event-1")).isEmpty();

        assertThat(status(partner.hold("other-venue", "event-1", "h1", List.of("ANY-1-1"))))
                .isEqualTo(201);
        assertThat(unavailable(partner, "other-venue", "event-1")).containsExactly("ANY-1-1");
    }

    @Test
    void aHoldIsMadeOncePerKeyAndItsSeatsAreThenUnavailable() throws Exception {
        var seats = freeSeats("event-3", 2);

        var held = partner.hold(CINEMA, "event-3", "hold-1", seats);
        var again = partner.hold(CINEMA, "event-3", "hold-1", seats);

        assertThat(status(held)).isEqualTo(201);
        assertThat(body(held)).containsEntry("status", "HELD");
        assertThat(status(again)).isEqualTo(200);
        assertThat(unavailable(partner, CINEMA, "event-3")).containsAll(seats);
        assertThat(status(partner.hold(CINEMA, "event-3", "hold-1", freeSeats("event-3", 1))))
                .isEqualTo(422);
    }

    @Test
    void aHoldOnATakenSeatNamesItAndHoldsNothing() throws Exception {
        var free = freeSeats("event-4", 1).getFirst();
        var soldAtBoxOffice = unavailable(partner, CINEMA, "event-4").getFirst();

        var taken = partner.hold(CINEMA, "event-4", "hold-2", List.of(free, soldAtBoxOffice));

        assertThat(status(taken)).isEqualTo(409);
        assertThat(body(taken)).containsEntry("status", "TAKEN").containsEntry("seats", List.of(soldAtBoxOffice));
        assertThat(unavailable(partner, CINEMA, "event-4")).doesNotContain(free);
        assertThat(status(partner.hold(CINEMA, "event-4", "hold-2", List.of(free, soldAtBoxOffice))))
                .isEqualTo(409);
    }

    @Test
    void concurrentHoldsOfOneSeatLeaveItToExactlyOne() throws Exception {
        var seat = freeSeats("event-5", 1);
        var holds = new ArrayList<Callable<Reply>>();
        for (int i = 0; i < 30; i++) {
            var key = "hold-" + i;
            holds.add(() -> partner.hold(CINEMA, "event-5", key, seat));
        }

        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var replies = threads.invokeAll(holds).stream()
                    .map(PartnerSimulatorTest::get)
                    .toList();

            assertThat(replies.stream().filter(reply -> status(reply) == 201)).hasSize(1);
            assertThat(replies.stream().filter(reply -> status(reply) == 409)).hasSize(29);
        }
    }

    @Test
    void aConfirmedHoldIsSoldAndAReleaseGivesTheSeatsBack() throws Exception {
        var seats = freeSeats("event-6", 2);
        partner.hold(CINEMA, "event-6", "hold-3", seats);

        assertThat(body(partner.confirm(CINEMA, "event-6", "hold-3"))).containsEntry("status", "SOLD");
        assertThat(status(partner.confirm(CINEMA, "event-6", "hold-3"))).isEqualTo(200);
        assertThat(unavailable(partner, CINEMA, "event-6")).containsAll(seats);

        assertThat(body(partner.release(CINEMA, "event-6", "hold-3"))).containsEntry("status", "RELEASED");
        assertThat(body(partner.release(CINEMA, "event-6", "hold-3"))).containsEntry("status", "RELEASED");
        assertThat(unavailable(partner, CINEMA, "event-6")).doesNotContainAnyElementsOf(seats);
        assertThat(status(partner.confirm(CINEMA, "event-6", "hold-3"))).isEqualTo(409);
        assertThat(status(partner.confirm(CINEMA, "event-6", "never-held"))).isEqualTo(404);
    }

    @Test
    void releasingAKeyNeverSeenTurnsAwayALateHold() throws Exception {
        var seats = freeSeats("event-7", 1);

        assertThat(status(partner.release(CINEMA, "event-7", "hold-4"))).isEqualTo(200);
        var late = partner.hold(CINEMA, "event-7", "hold-4", seats);

        assertThat(status(late)).isEqualTo(409);
        assertThat(body(late)).containsEntry("status", "RELEASED");
        assertThat(unavailable(partner, CINEMA, "event-7")).doesNotContainAnyElementsOf(seats);
    }

    @Test
    void theBoxOfficeSellsOnlySeatsNoSellerHas() throws Exception {
        var seats = freeSeats("event-8", 2);
        partner.hold(CINEMA, "event-8", "hold-5", List.of(seats.getFirst()));

        var sale = partner.sellAtBoxOffice(CINEMA, "event-8", seats);

        assertThat(sale.get("sold")).containsExactly(seats.get(1));
        assertThat(sale.get("alreadyTaken")).containsExactly(seats.getFirst());
        assertThat(status(partner.hold(CINEMA, "event-8", "hold-6", List.of(seats.get(1)))))
                .isEqualTo(409);
    }

    @Test
    void seatsOutsideAKnownHallAreRefused() throws Exception {
        assertThat(status(partner.hold(CINEMA, "event-9", "hold-7", List.of("HALL-I-1"))))
                .isEqualTo(422);
    }

    @Test
    void aLostAnswerHeldTheSeatsAndTheRetryGetsThatHold() throws Exception {
        var seats = freeSeats("event-10", 1);
        partner.behave(new PartnerBehaviour(PartnerMode.LOSE_ANSWER_AFTER_CHANGE, 1, INSTANT, 0));

        assertThat(status(partner.hold(CINEMA, "event-10", "hold-8", seats))).isEqualTo(504);
        assertThat(status(partner.hold(CINEMA, "event-10", "hold-8", seats))).isEqualTo(200);
    }

    @Test
    void normalModeFailsAtTheFailureRateInEveryKind() throws Exception {
        partner.behave(new PartnerBehaviour(PartnerMode.NORMAL, null, INSTANT, 0.3));
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < 1000; i++) {
            var reply = partner.unavailableSeats("other-venue", "event-random");
            statuses.add(reply instanceof Reply.Answer answer ? answer.status() : 0);
        }

        assertThat(statuses.stream().filter(status -> status == 200).count()).isBetween(640L, 760L);
        assertThat(statuses).contains(503, 504, 0);
    }

    @Test
    void anOutageChangesNothing() throws Exception {
        var seats = freeSeats("event-11", 1);
        partner.behave(new PartnerBehaviour(PartnerMode.ALWAYS_FAIL, null, INSTANT, 0));

        assertThat(status(partner.hold(CINEMA, "event-11", "hold-9", seats))).isEqualTo(503);
        assertThat(status(partner.unavailableSeats(CINEMA, "event-11"))).isEqualTo(503);

        partner.behave(partner.configured());
        assertThat(unavailable(partner, CINEMA, "event-11")).doesNotContainAnyElementsOf(seats);
    }

    private static PartnerSimulator simulator() {
        var configured = new PartnerBehaviour(PartnerMode.NORMAL, null, INSTANT, 0);
        var halls = Map.of(CINEMA, HallLayout.parse(PartnerSimulation.DEMO_VENUES.get(CINEMA)));
        return new PartnerSimulator(halls, configured, Clock.systemUTC(), new Random(7), Duration.ofMillis(5));
    }

    private List<String> freeSeats(String eventId, int count) throws Exception {
        var unavailable = unavailable(partner, CINEMA, eventId);
        return HallLayout.parse(PartnerSimulation.DEMO_VENUES.get(CINEMA)).seatIds().stream()
                .filter(seat -> !unavailable.contains(seat))
                .limit(count)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> unavailable(PartnerSimulator partner, String venue, String eventId) throws Exception {
        return (List<String>) body(partner.unavailableSeats(venue, eventId)).get("unavailable");
    }

    private static int status(Reply reply) {
        return ((Reply.Answer) reply).status();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Reply reply) {
        return (Map<String, Object>) ((Reply.Answer) reply).body();
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
