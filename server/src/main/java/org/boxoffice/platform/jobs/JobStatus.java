package org.boxoffice.platform.jobs;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What an operator sees of a scheduled job.
 *
 * @param intervalSeconds the pause between runs
 * @param lagSeconds how far past due the next run is without having started
 * @param runningSeconds how long the current run has taken, 0 when none runs
 */
public record JobStatus(
        String name,
        double intervalSeconds,
        boolean paused,
        boolean running,
        double lagSeconds,
        double runningSeconds,
        long runs,
        long failures,
        @Nullable Instant lastFinishedAt) {

    static JobStatus of(Job job) {
        return new JobStatus(
                job.name(),
                job.interval().toMillis() / 1000.0,
                job.isPaused(),
                job.isRunning(),
                job.lag().toMillis() / 1000.0,
                job.runningFor().toMillis() / 1000.0,
                job.runs(),
                job.failures(),
                job.lastFinishedAt());
    }
}
