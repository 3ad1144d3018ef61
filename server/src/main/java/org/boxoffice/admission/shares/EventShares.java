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
 */
final class EventShares {

    private final int places;
    private final int mostPerEvent;
    private final int mostWaitingPerEvent;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<UUID, Share> shares = new HashMap<>();
    /** The shares with requests in line. */
    private final Set<Share> lined = new LinkedHashSet<>();

    private int running;
    private int waiting;

    EventShares(int places, int mostPerEvent, int mostWaitingPerEvent) {
        if (places < 1 || mostPerEvent < 1 || mostPerEvent > places || mostWaitingPerEvent < 0) {
            throw new IllegalArgumentException("Need 1 <= mostPerEvent <= places and mostWaitingPerEvent >= 0");
        }
        this.places = places;
        this.mostPerEvent = mostPerEvent;
        this.mostWaitingPerEvent = mostWaitingPerEvent;
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
            if (share.line.isEmpty() && canStart(share)) {
                start(share);
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

    /** Requests running now for one event. */
    int running(UUID eventId) {
        lock.lock();
        try {
            var share = shares.get(eventId);
            return share == null ? 0 : share.running;
        } finally {
            lock.unlock();
        }
    }

    /** Waits in the share's line, at its back or (for a request taking its place back) at its front. */
    private boolean awaitTurn(Share share, long patienceNanos, boolean first) throws InterruptedException {
        var turn = new Turn(lock.newCondition());
        if (first) {
            share.line.addFirst(turn);
        } else {
            share.line.addLast(turn);
        }
        lined.add(share);
        waiting++;
        long left = patienceNanos;
        try {
            while (!turn.granted && left > 0) {
                left = turn.granting.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            if (turn.granted) {
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

    private void start(Share share) {
        share.running++;
        running++;
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
            start(next);
            turn.granted = true;
            turn.granting.signal();
        }
    }

    private @Nullable Share lineWithFewestRunning() {
        Share fewest = null;
        for (var share : lined) {
            if (!share.line.isEmpty()
                    && share.running < mostPerEvent
                    && (fewest == null || share.running < fewest.running)) {
                fewest = share;
            }
        }
        return fewest;
    }

    private void forgetIfIdle(Share share) {
        if (share.running == 0 && share.line.isEmpty()) {
            shares.remove(share.eventId);
        }
    }

    /** A place that is held, lent out, or closed; every change under the lock. */
    private final class Lendable implements Place {

        private final UUID eventId;
        private Share share;
        private boolean held = true;
        private boolean closed;

        Lendable(Share share) {
            this.eventId = share.eventId;
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
                share = shares.computeIfAbsent(eventId, Share::new);
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
                    if (held) {
                        leave(share);
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

        Share(UUID eventId) {
            this.eventId = eventId;
        }
    }

    /** A request waiting for a place; granted under the lock, by the request that left one. */
    private static final class Turn {

        final Condition granting;
        boolean granted;

        Turn(Condition granting) {
            this.granting = granting;
        }
    }
}
