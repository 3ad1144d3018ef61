package org.boxoffice.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One hold as a partner venue knows it, under the hold key the seller chose. It changes only
 * under its {@link PartnerShow}'s lock. A release of a key the partner never saw leaves a
 * released hold without seats behind, so that a hold request arriving late under that key takes
 * nothing.
 */
final class SimulatedHold {

    enum Status {
        HELD,
        /** Refused: some seats were sold or held already. The answer for the key from then on. */
        TAKEN,
        SOLD,
        RELEASED
    }

    private final String holdKey;
    private final List<String> seats;
    private final Instant createdAt;
    private Status status;
    private List<String> taken = List.of();
    private int requests;

    private SimulatedHold(String holdKey, List<String> seats, Instant createdAt, Status status, int requests) {
        this.holdKey = holdKey;
        this.seats = List.copyOf(seats);
        this.createdAt = createdAt;
        this.status = status;
        this.requests = requests;
    }

    static SimulatedHold held(String holdKey, List<String> seats, Instant now) {
        return new SimulatedHold(holdKey, seats, now, Status.HELD, 1);
    }

    static SimulatedHold refused(String holdKey, List<String> seats, List<String> taken, Instant now) {
        var refused = new SimulatedHold(holdKey, seats, now, Status.TAKEN, 1);
        refused.taken = List.copyOf(taken);
        return refused;
    }

    /** A key released before any hold arrived with it. */
    static SimulatedHold releasedUnseen(String holdKey, Instant now) {
        return new SimulatedHold(holdKey, List.of(), now, Status.RELEASED, 0);
    }

    String holdKey() {
        return holdKey;
    }

    List<String> seats() {
        return seats;
    }

    Status status() {
        return status;
    }

    /** Whether these seats are what the key asked for; a key released unseen turns every request away alike. */
    boolean isFor(List<String> requested) {
        return seats.isEmpty() || seats.equals(requested);
    }

    /** Whether it keeps its seats from anybody else: held for the seller or sold to it. */
    boolean isLive() {
        return status == Status.HELD || status == Status.SOLD;
    }

    void countRequest() {
        requests++;
    }

    void sell() {
        status = Status.SOLD;
    }

    void release() {
        status = Status.RELEASED;
    }

    /** The hold as the partner's API shows it. */
    Map<String, Object> view() {
        var view = new LinkedHashMap<String, Object>();
        view.put("holdKey", holdKey);
        view.put("status", status.name());
        view.put("seats", status == Status.TAKEN ? taken : seats);
        view.put("createdAt", createdAt.toString());
        return view;
    }

    /** The view plus what only the control API tells. */
    Map<String, Object> record() {
        var record = view();
        record.put("requestedSeats", seats);
        record.put("requests", requests);
        return record;
    }
}
