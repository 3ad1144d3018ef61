package org.boxoffice.platform.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One scheduled job as the scheduler runs it: when its next run is due, whether it is running
 * now, whether an operator paused it. Its lag is how far past due it is without having started
 * (a starved scheduler); a job stuck in a run shows as a long {@link #runningFor running time}.
 */
final class Job {

    private final String name;
    private final Duration interval;
    private final boolean fixedRate;
    private final LongSupplier nanoTime;
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean paused;
    private volatile long dueAt;
    private volatile long runningSince;
    private volatile @Nullable Instant lastFinishedAt;

    Job(String name, Duration interval, boolean fixedRate, Duration firstRunIn, LongSupplier nanoTime) {
        this.name = name;
        this.interval = interval;
        this.fixedRate = fixedRate;
        this.nanoTime = nanoTime;
        this.dueAt = nanoTime.getAsLong() + firstRunIn.toNanos();
    }

    String name() {
        return name;
    }

    Duration interval() {
        return interval;
    }

    boolean isPaused() {
        return paused;
    }

    void pause(boolean paused) {
        this.paused = paused;
    }

    long runs() {
        return runs.get();
    }

    long failures() {
        return failures.get();
    }

    @Nullable
    Instant lastFinishedAt() {
        return lastFinishedAt;
    }

    boolean isRunning() {
        return runningSince != 0;
    }

    /** How long past due the next run is without having started; zero while one runs. */
    Duration lag() {
        if (isRunning()) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - dueAt));
    }

    /** How long the current run has taken so far; zero when none runs. */
    Duration runningFor() {
        long since = runningSince;
        return since == 0 ? Duration.ZERO : Duration.ofNanos(nanoTime.getAsLong() - since);
    }

    /**
     * Runs {@code body} once, unless the job is paused; returns how late the run started.
     *
     * @param finished told the wall-clock time when the run ends
     */
    Duration run(Runnable body, Supplier<Instant> finished) {
        long started = nanoTime.getAsLong();
        var late = Duration.ofNanos(Math.max(0, started - dueAt));
        if (paused) {
            dueAt = started + interval.toNanos();
            return late;
        }
        runningSince = started;
        try {
            body.run();
        } catch (RuntimeException | Error e) {
            failures.incrementAndGet();
            throw e;
        } finally {
            runs.incrementAndGet();
            long ended = nanoTime.getAsLong();
            runningSince = 0;
            dueAt = (fixedRate ? started : ended) + interval.toNanos();
            lastFinishedAt = finished.get();
        }
        return late;
    }
}
