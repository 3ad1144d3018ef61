package org.boxoffice.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one use of Redis that must never wait for it: after a failure, no new attempt
 * before {@code retryAfter} has passed; one warning when an outage starts and one line when it
 * ends, not one per call.
 */
final class RedisOutage {

    private static final Logger log = LoggerFactory.getLogger(RedisOutage.class);

    private final String use;
    private final Duration retryAfter;
    // Real time, not the application's clock: tests move that one by hours.
    private final Clock realTime = Clock.systemUTC();
    private Instant nextAttempt = Instant.EPOCH;
    private boolean down;

    RedisOutage(String use, Duration retryAfter) {
        this.use = use;
        this.retryAfter = retryAfter;
    }

    /** False while an earlier failure is too recent to try again. */
    synchronized boolean mayTry() {
        return !down || !realTime.instant().isBefore(nextAttempt);
    }

    synchronized void failed(RuntimeException e) {
        if (!down) {
            log.warn("Redis is unreachable, {} paused until it returns: {}", use, e.toString());
        }
        down = true;
        nextAttempt = realTime.instant().plus(retryAfter);
    }

    synchronized void succeeded() {
        if (down) {
            log.info("Redis answers again, {} resumed", use);
        }
        down = false;
    }

    synchronized boolean isDown() {
        return down;
    }
}
