package org.boxoffice.identity;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.boxoffice.platform.Overloaded;

/**
 * At most {@code running} hashes at once and at most {@code waiting} more in line; whoever comes
 * after them is turned away at once ({@code 503 OVERLOADED} with {@code Retry-After}) instead of
 * waiting behind a flood, so a real login waits for a short line at most.
 */
final class HashQueue {

    private final Semaphore running;
    private final int waitingAtMost;
    private final Duration retryAfter;
    /** Those holding a permit or waiting for one. */
    private final AtomicInteger inLine = new AtomicInteger();

    private final int runningAtMost;

    HashQueue(int runningAtMost, int waitingAtMost, Duration retryAfter) {
        this.running = new Semaphore(runningAtMost, true);
        this.runningAtMost = runningAtMost;
        this.waitingAtMost = waitingAtMost;
        this.retryAfter = retryAfter;
    }

    <T> T run(Supplier<T> hash) {
        if (inLine.incrementAndGet() > runningAtMost + waitingAtMost) {
            inLine.decrementAndGet();
            throw new Overloaded("Too many sign-ins are being checked right now.", retryAfter);
        }
        try {
            running.acquireUninterruptibly();
            try {
                return hash.get();
            } finally {
                running.release();
            }
        } finally {
            inLine.decrementAndGet();
        }
    }

    /** Hashing or waiting to hash, now. */
    int inLine() {
        return inLine.get();
    }
}
