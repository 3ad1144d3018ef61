package org.boxoffice.loadtest.scenario;

import java.time.Duration;

/** A point in time on the monotonic clock, so that a wall-clock jump cannot stretch a run. */
record Deadline(long nanos) {

    static Deadline after(Duration duration) {
        return new Deadline(System.nanoTime() + duration.toNanos());
    }

    boolean passed() {
        return remaining().isZero();
    }

    Duration remaining() {
        long left = nanos - System.nanoTime();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    /** Sleeps for {@code pause}, but not past this deadline. */
    void sleep(Duration pause) throws InterruptedException {
        var bounded = pause.compareTo(remaining()) < 0 ? pause : remaining();
        if (bounded.isPositive()) {
            Thread.sleep(bounded);
        }
    }
}
