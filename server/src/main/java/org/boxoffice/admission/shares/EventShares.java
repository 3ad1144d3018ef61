package org.boxoffice.admission.shares;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToIntFunction;
import org.boxoffice.platform.RequestPlaces;
import org.jspecify.annotations.Nullable;

/**
 * This instance's places for requests about one event, shared fairly between the events. At most
 * {@code places} such requests run at once, and at most {@code mostPerEvent} of them for one event,
 * so that a crowd on one event always leaves places free for the others. A request beyond that
 * waits, parked, in its event's line; a place that comes free goes to the line of the event that
 * has the fewest requests running (first come, first served within an event). So a neighbour's
 * request waits for at most a handful of places to come free, never behind another event's crowd.
 *
 * <p>Waiting costs a parked virtual thread and nothing else; what the bound buys is a short queue
 * for the JVM's carrier threads, which every runnable request otherwise joins at the back, once
 * per statement it waits for.
 *
 * <p>A request that lends its place out while it waits ({@link RequestPlaces}) counts for nobody's
 * running places, so a crowd of holds waiting for their group is bounded by nothing above. When
 * the carriers fall behind while other events have requests too ({@link #adapt}), the busiest
 * event is also narrowed to so many requests <em>in flight</em>, lent places included, and widened
 * again as the carriers catch up: the crowd's rate then follows what the others can bear.
 */
final class EventShares {

    /** An allowance so wide it allows everything: the share is not narrowed. */
    static final int UNBOUNDED = Integer.MAX_VALUE;

    /** Past this, a widened allowance is dropped. */
    private static final int WIDEST_NARROWED = 4_096;

    private final int places;
    private final int mostPerEvent;
    private final int mostWaitingPerEvent;
    private final int leastInFlight;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<UUID, Share> shares = new HashMap<>();
    /** The shares with requests in line. */
    private final Set<Share> lined = new LinkedHashSet<>();
    /** The first event with a request since the last {@link #adapt}, and whether another came. */
    private @Nullable UUID firstRecent;

    private boolean othersRecent;

    private int running;
    private int waiting;

    EventShares(int places, int mostPerEvent, int mostWaitingPerEvent) {
        this(places, mostPerEvent, mostWaitingPerEvent, mostPerEvent);
    }

    /**
     * @param leastInFlight an event narrowed by {@link #adapt} still keeps this many requests in
     *     flight
     */
    EventShares(int places, int mostPerEvent, int mostWaitingPerEvent, int leastInFlight) {
        if (places < 1 || mostPerEvent < 1 || mostPerEvent > places || mostWaitingPerEvent < 0 || leastInFlight < 1) {
            throw new IllegalArgumentException(
                    "Need 1 <= mostPerEvent <= places, mostWaitingPerEvent >= 0 and leastInFlight >= 1");
        }
        this.places = places;
        this.mostPerEvent = mostPerEvent;
        this.mostWaitingPerEvent = mostWaitingPerEvent;
        this.leastInFlight = leastInFlight;
    }

    /**
     * A place taken for one request; {@link #close} gives it back (once). While lent out ({@link
     * RequestPlaces.Place#lend}) it counts for nobody; taken back, it counts again.
     */
    interface Place extends AutoCloseable, RequestPlaces.Place {
        @Override
        void close();
    }

    /**
     * Takes a place for a request about {@code eventId}, waiting at most {@code patience} for one.
     *
     * @return the place, or null when none came free in time or the event's line is full
     */
    @Nullable
    Place enter(UUID eventId, Duration patience) throws InterruptedException {
        lock.lock();
        try {
            var share = shares.computeIfAbsent(eventId, Share::new);
            noteRequest(eventId);
            if (share.line.isEmpty() && canAdmit(share)) {
                admit(share);
                return placeOf(share);
            }
            if (share.line.size() >= mostWaitingPerEvent) {
                forgetIfIdle(share);
                return null;
            }
            return awaitTurn(share, patience.toNanos(), false) ? placeOf(share) : null;
        } finally {
            lock.unlock();
        }
    }

    /** Requests running now, for all events. */
    int running() {
        lock.lock();
        try {
            return running;
        } finally {
            lock.unlock();
        }
    }

    /** Requests waiting for a place now, for all events. */
    int waiting() {
        lock.lock();
        try {
            return waiting;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Narrows or widens the busiest event's allowance of requests in flight, called a few times a
     * second. While {@code behind} (the carriers are late for woken requests) and another event
     * had requests since the last call, the busiest event may keep only three quarters of what it
     * has in flight (never fewer than {@code leastInFlight}); while {@code caughtUp}, every narrowed
     * event gets a quarter more, and is no longer narrowed past {@value #WIDEST_NARROWED}. A lone
     * event is never narrowed: there is no one to make room for.
     */
    void adapt(boolean behind, boolean caughtUp) {
        lock.lock();
        try {
            var busiest = busiest();
            if (behind && busiest != null && anotherEventHadRequestsThan(busiest)) {
                busiest.allowance = Math.max(leastInFlight, Math.min(busiest.allowance, busiest.inFlight) / 4 * 3);
            } else if (caughtUp) {
                shares.values().forEach(Share::widen);
                handOverFreePlaces();
            }
            firstRecent = null;
            othersRecent = false;
        } finally {
            lock.unlock();
        }
    }

    /** Events whose requests in flight are narrowed now. */
    int narrowed() {
        lock.lock();
        try {
            return (int) shares.values().stream()
                    .filter(share -> share.allowance != UNBOUNDED)
                    .count();
        } finally {
            lock.unlock();
        }
    }

    /** One event's allowance of requests in flight; {@link #UNBOUNDED} when it is not narrowed. */
    int allowance(UUID eventId) {
        return ofShare(eventId, share -> share.allowance, UNBOUNDED);
    }

    /** Requests running now for one event. */
    int running(UUID eventId) {
        return ofShare(eventId, share -> share.running, 0);
    }

    private int ofShare(UUID eventId, ToIntFunction<Share> count, int none) {
        lock.lock();
        try {
            var share = shares.get(eventId);
            return share == null ? none : count.applyAsInt(share);
        } finally {
            lock.unlock();
        }
    }

    /** Waits in the share's line, at its back or (for a request taking its place back) at its front. */
    private boolean awaitTurn(Share share, long patienceNanos, boolean first) throws InterruptedException {
        var turn = new Turn(lock.newCondition(), first);
        if (first) {
            share.line.addFirst(turn);
        } else {
            share.line.addLast(turn);
        }
        lined.add(share);
        waiting++;
        // A line can be kept waiting by its allowance while places are free: this turn may be
        // one that can start now (a place taken back, or a line just widened).
        handOverFreePlaces();
        long left = patienceNanos;
        try {
            while (!turn.granted && left > 0) {
                left = turn.granting.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            if (turn.granted) {
                if (!first) {
                    // A newcomer's place is never handed out: it is no longer in flight either.
                    share.inFlight--;
                }
                leave(share);
            }
            throw e;
        } finally {
            if (!turn.granted) {
                share.line.remove(turn);
                waiting--;
                if (share.line.isEmpty()) {
                    lined.remove(share);
                }
                forgetIfIdle(share);
            }
        }
        return turn.granted;
    }

    private boolean canStart(Share share) {
        return running < places && share.running < mostPerEvent;
    }

    /** A new request may start: a place is free and its event is not at its allowance. */
    private boolean canAdmit(Share share) {
        return canStart(share) && share.inFlight < share.allowance;
    }

    private void noteRequest(UUID eventId) {
        if (firstRecent == null) {
            firstRecent = eventId;
        } else if (!firstRecent.equals(eventId)) {
            othersRecent = true;
        }
    }

    private boolean anotherEventHadRequestsThan(Share busiest) {
        return othersRecent || (firstRecent != null && !firstRecent.equals(busiest.eventId));
    }

    private void start(Share share) {
        share.running++;
        running++;
    }

    /** Starts a new request, which is in flight until its place is closed. */
    private void admit(Share share) {
        start(share);
        share.inFlight++;
    }

    private @Nullable Share busiest() {
        Share busiest = null;
        for (var share : shares.values()) {
            if (busiest == null || share.inFlight > busiest.inFlight) {
                busiest = share;
            }
        }
        return busiest;
    }

    private Place placeOf(Share share) {
        return new Lendable(share);
    }

    private void leave(Share share) {
        share.running--;
        running--;
        handOverFreePlaces();
        forgetIfIdle(share);
    }

    /** Gives each free place to the first in line of the event with the fewest requests running. */
    private void handOverFreePlaces() {
        while (running < places && waiting > 0) {
            var next = lineWithFewestRunning();
            if (next == null) {
                return;
            }
            var turn = next.line.remove();
            if (next.line.isEmpty()) {
                lined.remove(next);
            }
            waiting--;
            if (turn.takingBack) {
                start(next);
            } else {
                admit(next);
            }
            turn.granted = true;
            turn.granting.signal();
        }
    }

    private @Nullable Share lineWithFewestRunning() {
        Share fewest = null;
        for (var share : lined) {
            if (!share.line.isEmpty()
                    && (share.line.peek().takingBack ? canStart(share) : canAdmit(share))
                    && (fewest == null || share.running < fewest.running)) {
                fewest = share;
            }
        }
        return fewest;
    }

    private void forgetIfIdle(Share share) {
        if (share.inFlight == 0 && share.line.isEmpty()) {
            shares.remove(share.eventId);
        }
    }

    /** A place that is held, lent out, or closed; every change under the lock. */
    private final class Lendable implements Place {

        /** Stays in {@link #shares} while this place is in flight, so never another event's. */
        private final Share share;

        private boolean held = true;
        private boolean closed;

        Lendable(Share share) {
            this.share = share;
        }

        @Override
        public void lend() {
            lock.lock();
            try {
                if (held && !closed) {
                    held = false;
                    leave(share);
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void takeBack() {
            lock.lock();
            try {
                if (held || closed) {
                    return;
                }
                if (share.line.isEmpty() && canStart(share)) {
                    start(share);
                    held = true;
                    return;
                }
                held = awaitTurn(share, Long.MAX_VALUE, true);
            } catch (InterruptedException e) {
                // Goes on without a place: it had one, and its work is already under way.
                Thread.currentThread().interrupt();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            lock.lock();
            try {
                if (!closed) {
                    closed = true;
                    share.inFlight--;
                    if (held) {
                        leave(share);
                    } else {
                        handOverFreePlaces();
                        forgetIfIdle(share);
                    }
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** One event's requests: how many run, and who waits, in order of arrival. */
    private static final class Share {

        final UUID eventId;
        final Deque<Turn> line = new ArrayDeque<>();
        int running;
        /** Requests with a place not yet closed, lent out or not. */
        int inFlight;
        /** How many may be in flight; {@link #UNBOUNDED} unless {@link #adapt} narrowed it. */
        int allowance = UNBOUNDED;

        Share(UUID eventId) {
            this.eventId = eventId;
        }

        void widen() {
            if (allowance != UNBOUNDED) {
                allowance = allowance > WIDEST_NARROWED ? UNBOUNDED : allowance + Math.max(1, allowance / 4);
            }
        }
    }

    /** A request waiting for a place; granted under the lock, by the request that left one. */
    private static final class Turn {

        final Condition granting;
        /** A lent place taken back: the request is in flight already, so no allowance applies. */
        final boolean takingBack;

        boolean granted;

        Turn(Condition granting, boolean takingBack) {
            this.granting = granting;
            this.takingBack = takingBack;
        }
    }
}
