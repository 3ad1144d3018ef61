package org.boxoffice.platform;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One time budget for a provider operation and all its retries. Measured on the monotonic
 * {@code System.nanoTime}, not on the injected clock: it bounds real waiting on the network,
 * and a test that stops or moves the business clock must not make a call wait forever.
 */
public final class Deadline {

    private final long endsAt;
    private final LongSupplier nanoTime;

    private Deadline(long endsAt, LongSupplier nanoTime) {
        this.endsAt = endsAt;
        this.nanoTime = nanoTime;
    }

    public static Deadline after(Duration budget, LongSupplier nanoTime) {
        return new Deadline(nanoTime.getAsLong() + budget.toNanos(), nanoTime);
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, endsAt - nanoTime.getAsLong()));
    }
}
