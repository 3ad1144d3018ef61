package org.boxoffice.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;

/**
 * The box-office systems of partner venues (cinemas that own their seats), one per venue key. A
 * venue whose hall it was told about ({@link HallLayout}) starts every event with some seats sold
 * at its own box office; any other venue accepts any seat id and starts with every seat free.
 * Slow and sometimes failing (see {@link PartnerBehaviour}); latency is slept on the caller's
 * virtual thread. State lives in memory only.
 */
final class PartnerSimulator {

    private final ConcurrentMap<String, PartnerShow> shows = new ConcurrentHashMap<>();
    private final Map<String, HallLayout> halls;
    private final AtomicLong seatRequests = new AtomicLong();
    private final AtomicLong holdRequests = new AtomicLong();
    private final AtomicLong confirmRequests = new AtomicLong();
    private final AtomicLong releaseRequests = new AtomicLong();
    private final AtomicReference<PartnerBehaviour> behaviour;
    private final PartnerBehaviour configured;
    private final Clock clock;
    private final RandomGenerator random;
    private final Duration hang;

    /**
     * @param halls the halls of the venues it knows, by venue key
     * @param hang how long a request that gets no answer is held before its connection is closed
     */
    PartnerSimulator(
            Map<String, HallLayout> halls,
            PartnerBehaviour configured,
            Clock clock,
            RandomGenerator random,
            Duration hang) {
        this.halls = Map.copyOf(halls);
        this.configured = configured;
        this.behaviour = new AtomicReference<>(configured);
        this.clock = clock;
        this.random = random;
        this.hang = hang;
    }

    Reply unavailableSeats(String venue, String eventId) throws InterruptedException {
        seatRequests.incrementAndGet();
        var fault = arrive(PartnerCall.SEATS);
        if (fault == Fault.FAIL_BEFORE_ACTING) {
            return unavailable();
        }
        var seats = new LinkedHashMap<String, Object>();
        seats.put("venue", venue);
        seats.put("eventId", eventId);
        seats.put("unavailable", List.copyOf(show(venue, eventId).askedForSeats()));
        return fault.deliver(hang, Reply.of(200, seats));
    }

    Reply hold(String venue, String eventId, String holdKey, List<String> seats) throws InterruptedException {
        holdRequests.incrementAndGet();
        var fault = arrive(PartnerCall.HOLD);
        if (fault == Fault.FAIL_BEFORE_ACTING) {
            return unavailable();
        }
        return fault.deliver(hang, show(venue, eventId).hold(holdKey, seats, clock.instant()));
    }

    Reply confirm(String venue, String eventId, String holdKey) throws InterruptedException {
        confirmRequests.incrementAndGet();
        var fault = arrive(PartnerCall.CONFIRM);
        if (fault == Fault.FAIL_BEFORE_ACTING) {
            return unavailable();
        }
        return fault.deliver(hang, show(venue, eventId).confirm(holdKey));
    }

    Reply release(String venue, String eventId, String holdKey) throws InterruptedException {
        releaseRequests.incrementAndGet();
        var fault = arrive(PartnerCall.RELEASE);
        if (fault == Fault.FAIL_BEFORE_ACTING) {
            return unavailable();
        }
        return fault.deliver(hang, show(venue, eventId).release(holdKey, clock.instant()));
    }

    /** The venue's box office sells these seats itself (for tests: a competing sale). */
    Map<String, List<String>> sellAtBoxOffice(String venue, String eventId, List<String> seats) {
        return show(venue, eventId).sellAtBoxOffice(seats);
    }

    /** What the venue knows of the event: box-office sales, unavailable seats, holds with their requests. */
    Map<String, Object> showRecord(String venue, String eventId) {
        return show(venue, eventId).record();
    }

    PartnerBehaviour behaviour() {
        return behaviour.get();
    }

    PartnerBehaviour configured() {
        return configured;
    }

    void behave(PartnerBehaviour next) {
        behaviour.set(next);
    }

    Map<String, Long> requests() {
        var requests = new LinkedHashMap<String, Long>();
        requests.put("seats", seatRequests.get());
        requests.put("hold", holdRequests.get());
        requests.put("confirm", confirmRequests.get());
        requests.put("release", releaseRequests.get());
        return requests;
    }

    private PartnerShow show(String venue, String eventId) {
        return shows.computeIfAbsent(
                venue + "/" + eventId,
                key -> PartnerShow.firstContact(
                        halls.getOrDefault(venue, HallLayout.unknown()), new SplittableRandom(key.hashCode())));
    }

    /** Takes the behaviour for this request, waits its latency and decides its fault. */
    private Fault arrive(PartnerCall call) throws InterruptedException {
        var now = behaviour.getAndUpdate(current -> current.forces(call) ? current.afterOneUse() : current);
        Thread.sleep(now.latency().pick(random));
        return now.faultFor(call, random);
    }

    private static Reply unavailable() {
        return Reply.error(503, "UNAVAILABLE", "The box office is unavailable; nothing was changed.");
    }
}
