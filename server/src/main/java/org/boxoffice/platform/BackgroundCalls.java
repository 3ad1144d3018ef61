package org.boxoffice.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
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

    private final Bulkhead places;
    private final Counter refused;

    BackgroundCalls(BackgroundCallSettings settings, MeterRegistry meters) {
        this.places = new Bulkhead(settings.maxConcurrent());
        this.refused = Counter.builder("boxoffice.background.calls.refused")
                .description("Background calls not started because too many were running")
                .register(meters);
        Gauge.builder("boxoffice.background.calls.running", this, calls -> calls.running())
                .register(meters);
    }

    /** Starts {@code call} on a virtual thread; false (nothing started) when too many run. */
    public boolean start(String what, Runnable call) {
        if (!places.enter(Duration.ZERO)) {
            refused.increment();
            log.debug("Not starting {} now: {} background calls are running", what, places.places());
            return false;
        }
        Thread.ofVirtual().name("background-" + what).start(() -> {
            try {
                call.run();
            } catch (RuntimeException e) {
                log.warn("Background call {} failed; it is taken up again later", what, e);
            } finally {
                places.leave();
            }
        });
        return true;
    }

    /** How many calls run now. */
    public int running() {
        return places.inFlight();
    }

    /** Waits until no call runs (tests); false when some still run after {@code patience}. */
    public boolean awaitIdle(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (places.inFlight() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
