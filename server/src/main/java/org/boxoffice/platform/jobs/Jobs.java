package org.boxoffice.platform.jobs;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The application's scheduled jobs by name ({@code ExpiringHolds.sweep}): registered as the
 * scheduler takes them, measured, listed and paused for operators. Metrics per job: {@code
 * boxoffice.jobs.lag} (seconds past due without having started), {@code boxoffice.jobs.running}
 * (seconds the current run has taken), {@code boxoffice.jobs.duration} (each run) and {@code
 * boxoffice.jobs.start.delay} (how late each run started).
 */
public final class Jobs {

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final Clock clock;
    private final LongSupplier nanoTime;

    Jobs(MeterRegistry meters, Clock clock, LongSupplier nanoTime) {
        this.meters = meters;
        this.clock = clock;
        this.nanoTime = nanoTime;
    }

    /** The job behind a scheduled task, measured and pausable, as the scheduler should run it. */
    Runnable register(Runnable task, Duration interval, boolean fixedRate, Duration firstRunIn) {
        var name = nameOf(task);
        var job = new Job(name, interval, fixedRate, firstRunIn, nanoTime);
        if (jobs.putIfAbsent(name, job) != null) {
            throw new IllegalStateException("Two scheduled jobs are named " + name);
        }
        var durations =
                Timer.builder("boxoffice.jobs.duration").tag("job", name).register(meters);
        var delays =
                Timer.builder("boxoffice.jobs.start.delay").tag("job", name).register(meters);
        Gauge.builder("boxoffice.jobs.lag", job, j -> seconds(j.lag()))
                .tag("job", name)
                .baseUnit("seconds")
                .register(meters);
        Gauge.builder("boxoffice.jobs.running", job, j -> seconds(j.runningFor()))
                .tag("job", name)
                .baseUnit("seconds")
                .register(meters);
        return () -> {
            long started = nanoTime.getAsLong();
            delays.record(job.run(task, clock::instant));
            durations.record(Duration.ofNanos(nanoTime.getAsLong() - started));
        };
    }

    /** Every job, by name. */
    public List<JobStatus> all() {
        return jobs.values().stream()
                .sorted(Comparator.comparing(Job::name))
                .map(JobStatus::of)
                .toList();
    }

    /** Pauses or resumes a job (a drill, or an operator who must stop one for a while). */
    public Optional<JobStatus> pause(String name, boolean paused) {
        var job = jobs.get(name);
        if (job == null) {
            return Optional.empty();
        }
        job.pause(paused);
        return Optional.of(JobStatus.of(job));
    }

    /** {@code org.boxoffice.ordering.ExpiringHolds.sweep} is {@code ExpiringHolds.sweep}. */
    static String nameOf(Runnable task) {
        var parts = task.toString().split("\\.");
        return parts.length < 2 ? task.toString() : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
