package org.boxoffice.admission.limits;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether to ask Redis at all: after a failure, requests use the local buckets and only one
 * request every {@code retryAfter} tries Redis again, so an unreachable Redis costs at most one
 * command timeout a period, not one per request. One warning when an outage starts, one line
 * when it ends.
 */
final class RedisOutage {

    private static final Logger log = LoggerFactory.getLogger(RedisOutage.class);

    private final long retryAfterNanos;
    // Real time, not the application's clock: tests move that one by hours.
    private long nextAttempt;
    private boolean down;

    RedisOutage(Duration retryAfter) {
        this.retryAfterNanos = retryAfter.toNanos();
    }

    /** True when Redis may be asked; while it is down, true for one caller a period. */
    synchronized boolean mayTry() {
        if (!down) {
            return true;
        }
        long now = System.nanoTime();
        if (now - nextAttempt < 0) {
            return false;
        }
        nextAttempt = now + retryAfterNanos;
        return true;
    }

    synchronized void failed(RuntimeException e) {
        if (!down) {
            log.warn("Redis is unreachable: rate limits are kept per instance until it returns: {}", e.toString());
        }
        down = true;
        nextAttempt = System.nanoTime() + retryAfterNanos;
    }

    synchronized void succeeded() {
        if (down) {
            log.info("Redis answers again: rate limits are shared by all instances again");
        }
        down = false;
    }

    synchronized boolean isDown() {
        return down;
    }
}
