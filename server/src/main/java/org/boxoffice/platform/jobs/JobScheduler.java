package org.boxoffice.platform.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The scheduler of every {@code @Scheduled} job: a pool of platform threads of its own, so a job
 * that waits (on the database, on a provider) holds up only itself. Spring Boot's scheduler for
 * virtual threads runs every fixed-delay job on one thread: one slow job stopped them all. Each
 * periodic task is registered with {@link Jobs}, which measures and may pause it.
 *
 * <p>Only a {@link TaskScheduler}, not an {@code Executor}: as an executor bean it would make
 * Spring Boot drop its own virtual-thread executor for {@code @Async} and MVC.
 */
final class JobScheduler implements TaskScheduler, DisposableBean {

    private final Jobs jobs;
    private final ThreadPoolTaskScheduler pool = new ThreadPoolTaskScheduler();

    JobScheduler(Jobs jobs, int threads) {
        this.jobs = jobs;
        pool.setPoolSize(threads);
        pool.setThreadNamePrefix("job-");
        pool.setWaitForTasksToCompleteOnShutdown(false);
        pool.setRemoveOnCancelPolicy(true);
        pool.initialize();
    }

    @Override
    public Clock getClock() {
        return pool.getClock();
    }

    @Override
    public @Nullable ScheduledFuture<?> schedule(Runnable task, Trigger trigger) {
        return pool.schedule(task, trigger);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, Instant startTime) {
        return pool.schedule(task, startTime);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Instant startTime, Duration delay) {
        return pool.scheduleWithFixedDelay(jobs.register(task, delay, false, untilThen(startTime)), startTime, delay);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Duration delay) {
        return pool.scheduleWithFixedDelay(jobs.register(task, delay, false, Duration.ZERO), delay);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Instant startTime, Duration period) {
        return pool.scheduleAtFixedRate(jobs.register(task, period, true, untilThen(startTime)), startTime, period);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Duration period) {
        return pool.scheduleAtFixedRate(jobs.register(task, period, true, Duration.ZERO), period);
    }

    @Override
    public void destroy() {
        pool.shutdown();
    }

    private Duration untilThen(Instant startTime) {
        var wait = Duration.between(getClock().instant(), startTime);
        return wait.isNegative() ? Duration.ZERO : wait;
    }
}
