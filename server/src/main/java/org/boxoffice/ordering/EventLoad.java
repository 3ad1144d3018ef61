package org.boxoffice.ordering;

import java.time.Duration;

/**
 * One event's holds on this instance: how many are in flight (waiting for their group, in the
 * database, or waiting for the airline or the partner), and how many it decides per second while
 * it has any. The rate counts busy time only, so an event that sold nothing for an hour still
 * knows how fast it drains; it is an exponentially weighted average over about a second of busy
 * time, so a drain that stalls (a lock, a slow provider) shows within a second or two. A sample
 * is taken when a hold arrives, at most every {@link #SAMPLE_NANOS}: the rate only matters then.
 * Times are monotonic nanoseconds, passed in so that tests decide them.
 */
final class EventLoad {

    /** How often the rate takes a new sample (of the busy time since the last). */
    static final long SAMPLE_NANOS = Duration.ofMillis(100).toNanos();

    private static final double SMOOTHING_NANOS = Duration.ofSeconds(1).toNanos();

    /** The weight of each decided hold in {@link #recentNanos}. */
    private static final double RECENT_WEIGHT = 0.1;

    /** The wait of holds that nothing is deciding: longer than any hold waits for its answer. */
    static final Duration FOREVER = Duration.ofHours(1);

    private int inFlight;
    /** While holds are in flight: since when their busy time is not yet counted. */
    private long busyMark;

    private long sampleStart;
    private long busyNanos;
    private int decided;
    /** Holds decided per busy second; negative until measured. */
    private double perSecond = -1;

    private long lastActive;
    /** How long this event's recent holds took to decide: an average over about the last ten. */
    private double recentNanos;

    EventLoad(long now) {
        sampleStart = now;
        lastActive = now;
    }

    /**
     * Counts a new hold in, unless the holds already in flight are at least {@code minDepth} and
     * would take longer than {@code shedAfter} at the measured rate: then it is refused, with the
     * time they would take. An event with no rate yet (a rush on an event this instance has not
     * sold) tells {@code shedAfter} instead: it will have one long before.
     */
    synchronized Decision tryStart(long now, Duration shedAfter, int minDepth) {
        sample(now);
        var wait = expectedWait();
        if (inFlight >= minDepth && wait.compareTo(shedAfter) > 0) {
            return new Decision(false, perSecond < 0 ? shedAfter : wait);
        }
        if (inFlight++ == 0) {
            busyMark = now;
        }
        lastActive = now;
        return new Decision(true, wait);
    }

    /** A hold counted in at {@code startedAt} was decided, whatever its answer. */
    synchronized void finished(long now, long startedAt) {
        decided++;
        recentNanos += RECENT_WEIGHT * (Math.max(0, now - startedAt) - recentNanos);
        if (--inFlight == 0) {
            busyNanos += Math.max(0, now - busyMark);
        }
        lastActive = now;
    }

    synchronized int inFlight() {
        return inFlight;
    }

    /** Holds decided per busy second, or {@code 0} before the first measure. */
    synchronized double perSecond() {
        return Math.max(0, perSecond);
    }

    /** How long the holds in flight would take to decide at the measured rate (very long when none is). */
    synchronized Duration expectedWait() {
        if (inFlight == 0) {
            return Duration.ZERO;
        }
        if (perSecond <= 0) {
            return FOREVER;
        }
        return Duration.ofNanos(Math.round(Math.min(FOREVER.toNanos(), inFlight / perSecond * 1e9)));
    }

    /**
     * Whether this event's holds take longer than {@code limit}: the recent ones took that long
     * on average, or the ones in flight would at the measured rate.
     */
    synchronized boolean behind(Duration limit) {
        return recentNanos > limit.toNanos() || expectedWait().compareTo(limit) > 0;
    }

    /** Nothing in flight since {@code since}. */
    synchronized boolean idleSince(long since) {
        return inFlight == 0 && lastActive - since <= 0;
    }

    private void sample(long now) {
        if (now - sampleStart < SAMPLE_NANOS) {
            return;
        }
        if (inFlight > 0) {
            busyNanos += Math.max(0, now - busyMark);
            busyMark = now;
        }
        if (busyNanos > 0) {
            double measured = decided * 1e9 / busyNanos;
            double weight = 1 - Math.exp(-busyNanos / SMOOTHING_NANOS);
            perSecond = perSecond < 0 ? measured : perSecond + weight * (measured - perSecond);
        }
        sampleStart = now;
        busyNanos = 0;
        decided = 0;
    }

    /** Whether a hold was let in, and how long the holds ahead of it were expected to take. */
    record Decision(boolean admitted, Duration expectedWait) {}
}
