package org.boxoffice.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;

/**
 * The airline's old reservation system: reserves once per reservation key however often and
 * however concurrently the key is sent, cancels idempotently, and tells what it knows of a key.
 * Slow and unreliable on purpose (see {@link AirlineBehaviour}). Latency is slept on the caller's
 * virtual thread. State lives in memory only.
 */
final class AirlineSimulator {

    private static final Duration PATIENCE_WITH_FIRST_REQUEST = Duration.ofSeconds(30);
    private static final String LOCATOR_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LISTED_RESERVATIONS = 1000;

    private final ConcurrentMap<String, SimulatedReservation> byKey = new ConcurrentHashMap<>();
    private final Set<String> references = ConcurrentHashMap.newKeySet();
    private final AtomicLong reserveRequests = new AtomicLong();
    private final AtomicLong cancelRequests = new AtomicLong();
    private final AtomicLong lookupRequests = new AtomicLong();
    private final AtomicReference<AirlineBehaviour> behaviour;
    private final AirlineBehaviour configured;
    private final Clock clock;
    private final RandomGenerator random;
    private final Duration hang;

    /** @param hang how long a request that gets no answer is held before its connection is closed */
    AirlineSimulator(AirlineBehaviour configured, Clock clock, RandomGenerator random, Duration hang) {
        this.configured = configured;
        this.behaviour = new AtomicReference<>(configured);
        this.clock = clock;
        this.random = random;
        this.hang = hang;
    }

    Reply reserve(ReservationCommand command) throws InterruptedException {
        reserveRequests.incrementAndGet();
        var arrived = SimulatedReservation.arriving(command, clock.instant());
        var first = byKey.putIfAbsent(command.reservationKey(), arrived);
        return first == null ? reserveFirstTime(arrived) : reserveAgain(first, command);
    }

    Reply cancel(String reservationKey) throws InterruptedException {
        cancelRequests.incrementAndGet();
        var fault = arrive(AirlineCall.CANCEL);
        if (fault == Fault.FAIL_BEFORE_ACTING) {
            return unavailable();
        }
        while (true) {
            var existing = byKey.get(reservationKey);
            if (existing == null) {
                var unseen = SimulatedReservation.cancelledUnseen(reservationKey, clock.instant());
                if (byKey.putIfAbsent(reservationKey, unseen) == null) {
                    return fault.deliver(hang, Reply.of(200, unseen.view()));
                }
                continue;
            }
            if (!existing.awaitDecision(PATIENCE_WITH_FIRST_REQUEST)) {
                return unavailable();
            }
            // An abandoned reservation has left the map; look again.
            if (existing.status() != SimulatedReservation.Status.ABANDONED) {
                existing.cancel(clock.instant());
                return fault.deliver(hang, Reply.of(200, existing.view()));
            }
        }
    }

    Reply lookup(String reservationKey) throws InterruptedException {
        lookupRequests.incrementAndGet();
        var fault = arrive(AirlineCall.LOOKUP);
        if (fault == Fault.FAIL_BEFORE_ACTING) {
            return unavailable();
        }
        var reservation = byKey.get(reservationKey);
        if (reservation == null || reservation.status() == SimulatedReservation.Status.ABANDONED) {
            return Reply.error(404, "NOT_FOUND", "No reservation was requested with this key.");
        }
        return fault.deliver(hang, Reply.of(200, reservation.view()));
    }

    AirlineBehaviour behaviour() {
        return behaviour.get();
    }

    AirlineBehaviour configured() {
        return configured;
    }

    void behave(AirlineBehaviour next) {
        behaviour.set(next);
    }

    Map<String, Long> requests() {
        var requests = new LinkedHashMap<String, Long>();
        requests.put("reserve", reserveRequests.get());
        requests.put("cancel", cancelRequests.get());
        requests.put("lookup", lookupRequests.get());
        return requests;
    }

    /** The airline's own record of one key, with how many requests it received; empty if never seen. */
    Map<String, Object> reservation(String reservationKey) {
        var reservation = byKey.get(reservationKey);
        return reservation == null ? Map.of() : reservation.record();
    }

    /** Every reservation requested for the flight (cancelled and refused ones too). */
    List<Map<String, Object>> reservationsFor(String flightId) {
        return byKey.values().stream()
                .filter(reservation -> reservation.isOfFlight(flightId))
                .sorted(Comparator.comparing(SimulatedReservation::reservationKey))
                .limit(LISTED_RESERVATIONS)
                .map(SimulatedReservation::record)
                .toList();
    }

    /**
     * Counts by status, and how many tickets two live reservations hold at once: a seller that
     * keeps its books straight never makes that number grow.
     */
    Map<String, Long> totals() {
        var totals = new LinkedHashMap<String, Long>();
        for (var status : SimulatedReservation.Status.values()) {
            totals.put(status.name().toLowerCase(Locale.ROOT), 0L);
        }
        var holders = new HashMap<String, Integer>();
        for (var reservation : byKey.values()) {
            totals.merge(reservation.status().name().toLowerCase(Locale.ROOT), 1L, Long::sum);
            reservation.heldTickets().forEach(ticket -> holders.merge(ticket, 1, Integer::sum));
        }
        totals.remove("abandoned");
        totals.put("ticketsHeld", (long) holders.size());
        totals.put(
                "ticketsDoubleBooked",
                holders.values().stream().filter(count -> count > 1).count());
        return totals;
    }

    private Reply reserveFirstTime(SimulatedReservation reservation) throws InterruptedException {
        var now = behaviourFor(AirlineCall.NEW_RESERVATION);
        Thread.sleep(now.latency().pick(random));
        var fault = now.faultFor(AirlineCall.NEW_RESERVATION, random);
        switch (fault) {
            case FAIL_BEFORE_ACTING -> {
                byKey.remove(reservation.reservationKey(), reservation);
                reservation.abandon();
                return unavailable();
            }
            case REFUSE -> {
                reservation.refuse(AirlineBehaviour.OVERBOOKED);
                return answer(reservation, 409);
            }
            default -> {
                reservation.confirm(newReference());
                return fault.deliver(hang, answer(reservation, 201));
            }
        }
    }

    private Reply reserveAgain(SimulatedReservation reservation, ReservationCommand command)
            throws InterruptedException {
        reservation.countRequest();
        if (!reservation.isFor(command)) {
            return Reply.error(422, "RESERVATION_KEY_REUSED", "This key was used for another reservation.");
        }
        var fault = arrive(AirlineCall.REPEATED_RESERVATION);
        if (fault == Fault.FAIL_BEFORE_ACTING) {
            return unavailable();
        }
        if (!reservation.awaitDecision(PATIENCE_WITH_FIRST_REQUEST)
                || reservation.status() == SimulatedReservation.Status.ABANDONED) {
            return unavailable();
        }
        return fault.deliver(hang, answer(reservation, 200));
    }

    /** A confirmed reservation answers {@code confirmedStatus}; a refused or cancelled one 409. */
    private static Reply answer(SimulatedReservation reservation, int confirmedStatus) {
        var confirmed = reservation.status() == SimulatedReservation.Status.CONFIRMED;
        return Reply.of(confirmed ? confirmedStatus : 409, reservation.view());
    }

    /** Takes the behaviour for this request, waits its latency and decides its fault. */
    private Fault arrive(AirlineCall call) throws InterruptedException {
        var now = behaviourFor(call);
        Thread.sleep(now.latency().pick(random));
        return now.faultFor(call, random);
    }

    private AirlineBehaviour behaviourFor(AirlineCall call) {
        return behaviour.getAndUpdate(current -> current.forces(call) ? current.afterOneUse() : current);
    }

    private String newReference() {
        while (true) {
            var locator = new StringBuilder(6);
            for (int i = 0; i < 6; i++) {
                locator.append(LOCATOR_LETTERS.charAt(random.nextInt(LOCATOR_LETTERS.length())));
            }
            if (references.add(locator.toString())) {
                return locator.toString();
            }
        }
    }

    private static Reply unavailable() {
        return Reply.error(503, "UNAVAILABLE", "The reservation system is unavailable; nothing was changed.");
    }
}
