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
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class AirlineSimulatorTest {

    private static final LatencyRange INSTANT = LatencyRange.of("0ms");

    private final AirlineSimulator airline = new AirlineSimulator(
            behaviour(AirlineMode.NORMAL, null), Clock.systemUTC(), new Random(42), Duration.ofMillis(5));

    @Test
    void concurrentDuplicatesReserveOnceAndAllGetTheFirstAnswer() throws Exception {
        airline.behave(new AirlineBehaviour(AirlineMode.NORMAL, null, LatencyRange.of("20ms-40ms"), 0));
        var command = command("key-1", "flight-1", "t1", "t2");
        var duplicates = new ArrayList<Callable<Reply>>();
        for (int i = 0; i < 50; i++) {
            duplicates.add(() -> airline.reserve(command));
        }

        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var replies = threads.invokeAll(duplicates).stream()
                    .map(AirlineSimulatorTest::get)
                    .toList();

            assertThat(replies).allSatisfy(reply -> assertThat(status(reply)).isIn(200, 201));
            assertThat(replies.stream().filter(reply -> status(reply) == 201)).hasSize(1);
            assertThat(replies.stream()
                            .map(reply -> body(reply).get("reference"))
                            .distinct())
                    .hasSize(1);
        }
        var reservations = airline.reservationsFor("flight-1");
        assertThat(reservations).hasSize(1);
        assertThat(reservations.getFirst()).containsEntry("status", "CONFIRMED").containsEntry("requests", 50);
    }

    @Test
    void aFailureBeforeReservingLeavesTheKeyFreeForTheRetry() throws Exception {
        airline.behave(behaviour(AirlineMode.ALWAYS_FAIL, 1));
        var command = command("key-2", "flight-2", "t1");

        assertThat(status(airline.reserve(command))).isEqualTo(503);
        assertThat(airline.reservationsFor("flight-2")).isEmpty();
        assertThat(status(airline.lookup("key-2"))).isEqualTo(404);

        var retry = airline.reserve(command);
        assertThat(status(retry)).isEqualTo(201);
        assertThat(body(retry)).containsEntry("status", "CONFIRMED");
        assertThat(airline.reservationsFor("flight-2")).hasSize(1);
    }

    @Test
    void aLostAnswerWasReservedAndTheRetryGetsThatReservation() throws Exception {
        airline.behave(behaviour(AirlineMode.LOSE_ANSWER_AFTER_RESERVE, 1));
        var command = command("key-3", "flight-3", "t1");

        assertThat(status(airline.reserve(command))).isEqualTo(504);
        assertThat(body(airline.lookup("key-3"))).containsEntry("status", "CONFIRMED");

        var retry = airline.reserve(command);
        assertThat(status(retry)).isEqualTo(200);
        assertThat(body(retry).get("reference"))
                .isEqualTo(airline.reservation("key-3").get("reference"));
        assertThat(airline.reservation("key-3")).containsEntry("requests", 2);
    }

    @Test
    void aTimeoutReservesAndNeverAnswers() throws Exception {
        airline.behave(behaviour(AirlineMode.TIMEOUT, 1));

        assertThat(airline.reserve(command("key-4", "flight-4", "t1"))).isInstanceOf(Reply.NoAnswer.class);
        assertThat(body(airline.lookup("key-4"))).containsEntry("status", "CONFIRMED");
    }

    @Test
    void aRefusalIsTheAnswerForItsKeyFromThenOn() throws Exception {
        airline.behave(behaviour(AirlineMode.ALWAYS_REFUSE, 1));
        var command = command("key-5", "flight-5", "t1");

        var refused = airline.reserve(command);
        assertThat(status(refused)).isEqualTo(409);
        assertThat(body(refused)).containsEntry("status", "REFUSED").containsEntry("reason", "OVERBOOKED");
        assertThat(status(airline.reserve(command))).isEqualTo(409);
        assertThat(status(airline.reserve(command("key-6", "flight-5", "t1")))).isEqualTo(201);
    }

    @Test
    void theSameKeyForOtherTicketsIsRefused() throws Exception {
        airline.reserve(command("key-7", "flight-7", "t1"));

        var reused = airline.reserve(command("key-7", "flight-7", "t2"));

        assertThat(status(reused)).isEqualTo(422);
        assertThat(airline.reservationsFor("flight-7")).hasSize(1);
    }

    @Test
    void aCancellationIsIdempotentAndFreesTheTickets() throws Exception {
        airline.reserve(command("key-8", "flight-8", "t1", "t2"));
        assertThat(airline.totals()).containsEntry("ticketsHeld", 2L);

        var first = airline.cancel("key-8");
        var again = airline.cancel("key-8");

        assertThat(status(first)).isEqualTo(200);
        assertThat(body(first)).containsEntry("status", "CANCELLED");
        assertThat(body(again)).containsEntry("status", "CANCELLED");
        assertThat(airline.reservation("key-8")).containsEntry("cancelRequests", 2);
        assertThat(airline.totals()).containsEntry("ticketsHeld", 0L);
        assertThat(status(airline.reserve(command("key-8", "flight-8", "t1", "t2"))))
                .isEqualTo(409);
    }

    @Test
    void cancellingAKeyNeverSeenTurnsAwayALateReservation() throws Exception {
        assertThat(status(airline.cancel("key-9"))).isEqualTo(200);

        var late = airline.reserve(command("key-9", "flight-9", "t1"));

        assertThat(status(late)).isEqualTo(409);
        assertThat(body(late)).containsEntry("status", "CANCELLED");
        assertThat(airline.totals()).containsEntry("ticketsHeld", 0L);
    }

    @Test
    void aCancellationWaitsForTheReservationStillProcessing() throws Exception {
        airline.behave(new AirlineBehaviour(AirlineMode.NORMAL, null, LatencyRange.of("200ms"), 0));
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var reserving = threads.submit(() -> airline.reserve(command("key-10", "flight-10", "t1")));
            Thread.sleep(50);
            airline.behave(behaviour(AirlineMode.NORMAL, null));
            assertThat(body(airline.lookup("key-10"))).containsEntry("status", "PROCESSING");

            var cancelled = airline.cancel("key-10");

            // The reservation's own answer shows its state when it is written, which the
            // cancellation may already have changed; what matters is how both end.
            assertThat(body(reserving.get()).get("status")).isIn("CONFIRMED", "CANCELLED");
            assertThat(body(cancelled)).containsEntry("status", "CANCELLED");
        }
        assertThat(airline.reservation("key-10")).containsEntry("status", "CANCELLED");
    }

    @Test
    void aForcedModeCountsOnlyTheRequestsItAffects() throws Exception {
        airline.behave(behaviour(AirlineMode.LOSE_ANSWER_AFTER_RESERVE, 2));

        airline.lookup("nothing");
        assertThat(airline.behaviour().times()).isEqualTo(2);
        assertThat(status(airline.reserve(command("key-11", "flight-11", "t1"))))
                .isEqualTo(504);
        assertThat(status(airline.reserve(command("key-11", "flight-11", "t1"))))
                .isEqualTo(504);
        assertThat(airline.behaviour().mode()).isEqualTo(AirlineMode.NORMAL);
        assertThat(status(airline.reserve(command("key-11", "flight-11", "t1"))))
                .isEqualTo(200);
        assertThat(airline.reservationsFor("flight-11")).hasSize(1);
    }

    @Test
    void normalModeFailsAtTheFailureRateMostlyBeforeReservingAndRarelyRefuses() throws Exception {
        airline.behave(new AirlineBehaviour(AirlineMode.NORMAL, null, INSTANT, 0.2));
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < 2000; i++) {
            var reply = airline.reserve(command("random-" + i, "flight-random", "t" + i));
            statuses.add(reply instanceof Reply.Answer answer ? answer.status() : 0);
        }

        assertThat(count(statuses, 201)).isBetween(1500L, 1700L);
        assertThat(count(statuses, 503)).isBetween(160L, 280L);
        assertThat(count(statuses, 504)).isBetween(50L, 130L);
        assertThat(count(statuses, 0)).isBetween(30L, 100L);
        assertThat(count(statuses, 409)).isBetween(15L, 70L);
        // Answers lost or never given still reserved: only 503s and refusals left nothing behind.
        assertThat(airline.totals().get("confirmed"))
                .isEqualTo(count(statuses, 201) + count(statuses, 504) + count(statuses, 0));
    }

    @Test
    void ticketsHeldByTwoLiveReservationsAreCounted() throws Exception {
        airline.reserve(command("key-12", "flight-12", "t1", "t2"));
        airline.reserve(command("key-13", "flight-12", "t2", "t3"));

        assertThat(airline.totals()).containsEntry("ticketsHeld", 3L).containsEntry("ticketsDoubleBooked", 1L);
    }

    private static long count(List<Integer> statuses, int status) {
        return statuses.stream().filter(each -> each == status).count();
    }

    private static AirlineBehaviour behaviour(AirlineMode mode, @Nullable Integer times) {
        return new AirlineBehaviour(mode, times, INSTANT, 0);
    }

    private static ReservationCommand command(String key, String flightId, String... tickets) {
        return new ReservationCommand(key, flightId, List.of(tickets), "passenger");
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
