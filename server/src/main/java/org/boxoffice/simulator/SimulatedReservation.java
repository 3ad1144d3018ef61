package org.boxoffice.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * One reservation as the airline knows it, from the moment its request arrives. Requests that
 * repeat its key while it is still processing wait for its decision. A cancellation of a key the
 * airline never saw leaves a cancelled entry behind, so that a reservation request arriving late
 * under that key is turned away instead of taking seats nobody will ever release.
 */
final class SimulatedReservation {

    enum Status {
        PROCESSING,
        CONFIRMED,
        REFUSED,
        CANCELLED,
        /** Failed before reserving; the key is free again and the reservation is forgotten. */
        ABANDONED
    }

    private final String reservationKey;
    private final @Nullable ReservationCommand command;
    private final Instant createdAt;
    private final CountDownLatch decided = new CountDownLatch(1);
    private final AtomicInteger requests;
    private final AtomicInteger cancelRequests = new AtomicInteger();
    private volatile Status status = Status.PROCESSING;
    private volatile @Nullable String reference;
    private volatile @Nullable String reason;
    private volatile @Nullable Instant cancelledAt;

    private SimulatedReservation(
            String reservationKey, @Nullable ReservationCommand command, Instant createdAt, int requests) {
        this.reservationKey = reservationKey;
        this.command = command;
        this.createdAt = createdAt;
        this.requests = new AtomicInteger(requests);
    }

    /** A reservation whose first request just arrived. */
    static SimulatedReservation arriving(ReservationCommand command, Instant now) {
        return new SimulatedReservation(command.reservationKey(), command, now, 1);
    }

    /** A key cancelled before any reservation arrived with it: no reservation may use it. */
    static SimulatedReservation cancelledUnseen(String reservationKey, Instant now) {
        var barred = new SimulatedReservation(reservationKey, null, now, 0);
        barred.cancelledAt = now;
        barred.cancelRequests.incrementAndGet();
        barred.decide(Status.CANCELLED, null, "CANCELLED");
        return barred;
    }

    String reservationKey() {
        return reservationKey;
    }

    Status status() {
        return status;
    }

    /** Whether it was requested for this flight (and is not forgotten). */
    boolean isOfFlight(String flightId) {
        return command != null && command.flightId().equals(flightId) && status != Status.ABANDONED;
    }

    /** The tickets it holds now, as {@code flightId/ticketId}: none unless it is confirmed. */
    List<String> heldTickets() {
        var reserved = command;
        if (status != Status.CONFIRMED || reserved == null) {
            return List.of();
        }
        return reserved.ticketIds().stream()
                .map(ticket -> reserved.flightId() + "/" + ticket)
                .toList();
    }

    /** Whether a request with this key asks for the same thing; a cancelled unseen key turns every request away alike. */
    boolean isFor(ReservationCommand other) {
        return command == null || command.equals(other);
    }

    void countRequest() {
        requests.incrementAndGet();
    }

    void confirm(String newReference) {
        decide(Status.CONFIRMED, newReference, null);
    }

    void refuse(String why) {
        decide(Status.REFUSED, null, why);
    }

    void abandon() {
        decide(Status.ABANDONED, null, null);
    }

    /** Waits for the first request's decision; false when it takes longer than {@code patience}. */
    boolean awaitDecision(Duration patience) throws InterruptedException {
        return decided.await(patience.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Cancels a confirmed reservation; any other (refused, cancelled) holds nothing already. */
    synchronized void cancel(Instant now) {
        cancelRequests.incrementAndGet();
        if (status == Status.CONFIRMED) {
            status = Status.CANCELLED;
            reason = "CANCELLED";
            cancelledAt = now;
        }
    }

    /** The reservation as the airline's API shows it. */
    Map<String, Object> view() {
        var view = new LinkedHashMap<String, Object>();
        view.put("reservationKey", reservationKey);
        view.put("reference", reference);
        view.put("status", status.name());
        view.put("reason", reason);
        view.put("flightId", command == null ? null : command.flightId());
        view.put("ticketIds", command == null ? null : command.ticketIds());
        view.put("passengerRef", command == null ? null : command.passengerRef());
        view.put("createdAt", createdAt.toString());
        view.put("cancelledAt", cancelledAt == null ? null : cancelledAt.toString());
        return view;
    }

    /** The view plus what only the control API tells: how often it was asked. */
    Map<String, Object> record() {
        var record = view();
        record.put("requests", requests.get());
        record.put("cancelRequests", cancelRequests.get());
        return record;
    }

    private synchronized void decide(Status decision, @Nullable String newReference, @Nullable String why) {
        if (status == Status.PROCESSING) {
            status = decision;
            reference = newReference;
            reason = why;
        }
        decided.countDown();
    }
}
