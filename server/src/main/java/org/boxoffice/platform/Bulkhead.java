package org.boxoffice.platform;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded number of calls in flight to one provider. A call beyond it waits for a place, first
 * come first served, for as long as its caller allows; waiting is never held against the provider.
 */
public final class Bulkhead {

    private final int places;
    private final Semaphore free;
    private final AtomicInteger waiting = new AtomicInteger();

    public Bulkhead(int places) {
        this.places = places;
        this.free = new Semaphore(places, true);
    }

    public static Bulkhead of(BulkheadSettings settings) {
        return new Bulkhead(settings.maxConcurrentCalls());
    }

    /** Takes a place, waiting at most {@code patience}; false when none came free in time. */
    public boolean enter(Duration patience) {
        if (free.tryAcquire()) {
            return true;
        }
        waiting.incrementAndGet();
        try {
            return free.tryAcquire(patience.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Gives back the place {@link #enter} took. */
    public void leave() {
        free.release();
    }

    public int inFlight() {
        return places - free.availablePermits();
    }

    public int waiting() {
        return waiting.get();
    }

    public int places() {
        return places;
    }
}
