package org.boxoffice.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Remote work that scheduled jobs and finished requests start (a cancel owed to the airline, a
 * question to the payment provider) runs here, each call on a virtual thread of its own, never
 * on a job's thread: a job that hands out a hundred slow calls is done in milliseconds. At most
 * {@code maxConcurrent} run at once; past that a call is not started and {@link #start} says so,
 * which is safe only for work that is recorded in the database and taken up again by a later run
 * (every caller's is). Metrics: {@code boxoffice.background.calls.running} and {@code
 * boxoffice.background.calls.refused}.
 */
@Component
public class BackgroundCalls {

    private static final Logger log = LoggerFactory.getLogger(BackgroundCalls.class);

    private final int maxConcurrent;
    private final Semaphore permits;
    private final Counter refused;

    BackgroundCalls(BackgroundCallSettings settings, MeterRegistry meters) {
        this.maxConcurrent = settings.maxConcurrent();
        this.permits = new Semaphore(maxConcurrent);
        this.refused = Counter.builder("boxoffice.background.calls.refused")
                .description("Background calls not started because too many were running")
                .register(meters);
        Gauge.builder("boxoffice.background.calls.running", this, calls -> calls.running())
                .register(meters);
    }

    /** Starts {@code call} on a virtual thread; false (nothing started) when too many run. */
    public boolean start(String what, Runnable call) {
        if (!permits.tryAcquire()) {
            refused.increment();
            log.debug("Not starting {} now: {} background calls are running", what, maxConcurrent);
            return false;
        }
        Thread.ofVirtual().name("background-" + what).start(() -> {
            try {
                call.run();
            } catch (RuntimeException e) {
                log.warn("Background call {} failed; it is taken up again later", what, e);
            } finally {
                permits.release();
            }
        });
        return true;
    }

    /** How many calls run now. */
    public int running() {
        return maxConcurrent - permits.availablePermits();
    }

    /** Waits until no call runs (tests); false when some still run after {@code patience}. */
    public boolean awaitIdle(Duration patience) throws InterruptedException {
        if (!permits.tryAcquire(maxConcurrent, patience.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        permits.release(maxConcurrent);
        return true;
    }
}
