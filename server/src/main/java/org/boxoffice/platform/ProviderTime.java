package org.boxoffice.platform;

import java.time.Duration;

/**
 * How long the current request has waited on external providers (payment, airline, partner
 * venues), so that the server can report it (a {@code Server-Timing} entry). Every request runs
 * on a virtual thread of its own, so a thread-local total is a per-request total; a filter calls
 * {@link #reset()} when a request starts, in case its thread is reused. {@link ProviderCalls} adds
 * the time of every provider operation, retries and backoff included.
 */
public final class ProviderTime {

    private static final ThreadLocal<long[]> NANOS = new ThreadLocal<>();

    private ProviderTime() {}

    /** Adds time spent waiting on a provider to this thread's request. */
    public static void add(Duration waited) {
        var total = NANOS.get();
        if (total == null) {
            NANOS.set(new long[] {waited.toNanos()});
        } else {
            total[0] += waited.toNanos();
        }
    }

    /** The time this thread's request has waited on providers so far. */
    public static Duration ofThisRequest() {
        var total = NANOS.get();
        return total == null ? Duration.ZERO : Duration.ofNanos(total[0]);
    }

    /** Starts counting afresh (at the start of a request). */
    public static void reset() {
        NANOS.remove();
    }
}
