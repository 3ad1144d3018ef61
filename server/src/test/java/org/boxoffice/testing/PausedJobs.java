package org.boxoffice.testing;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.boxoffice.platform.jobs.JobStatus;
import org.boxoffice.platform.jobs.Jobs;

/**
 * Pauses scheduled jobs for a test that runs them itself and must not have the background run
 * take its work first; {@link #resumeAll()} in the test's tear-down.
 */
public final class PausedJobs {

    private final Jobs jobs;
    private final Set<String> paused = new HashSet<>();

    public PausedJobs(Jobs jobs) {
        this.jobs = jobs;
    }

    /** Pauses the job and waits until a run already under way has ended. */
    public void pause(String name) {
        jobs.pause(name, true).orElseThrow(() -> new IllegalArgumentException("No job " + name));
        paused.add(name);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (isRunning(name)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " is still running after 30 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public void resumeAll() {
        paused.forEach(name -> jobs.pause(name, false));
        paused.clear();
    }

    private boolean isRunning(String name) {
        return jobs.all().stream().filter(job -> job.name().equals(name)).anyMatch(JobStatus::running);
    }
}
