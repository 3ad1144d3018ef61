package org.boxoffice.platform;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.util.Optional;

/**
 * When to try again and how long one try may take, within a deadline: jittered exponential
 * backoff (Resilience4j's), but never waiting so long that a last try of at least {@code
 * shortestCall} no longer fits.
 */
public final class RetrySchedule {

    private final IntervalFunction backoff;
    private final Duration shortestCall;

    public RetrySchedule(IntervalFunction backoff, Duration shortestCall) {
        this.backoff = backoff;
        this.shortestCall = shortestCall;
    }

    public static RetrySchedule of(RetrySettings retries) {
        var backoff = IntervalFunction.ofExponentialRandomBackoff(
                retries.initialBackoff(), retries.multiplier(), retries.jitter(), retries.maxBackoff());
        return new RetrySchedule(backoff, Duration.ofMillis(200));
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    public Duration waitBefore(int retry, Duration remaining) {
        var nominal = Duration.ofMillis(backoff.apply(retry));
        var room = remaining.minus(shortestCall);
        if (room.isNegative()) {
            return Duration.ZERO;
        }
        return nominal.compareTo(room) < 0 ? nominal : room;
    }

    /** How long the next try may take, or empty when the deadline leaves too little for one. */
    public Optional<Duration> nextCall(Duration readTimeout, Duration remaining) {
        if (remaining.compareTo(shortestCall) < 0) {
            return Optional.empty();
        }
        return Optional.of(readTimeout.compareTo(remaining) < 0 ? readTimeout : remaining);
    }

    /** How long a try may wait for a place in the bulkhead and still fit in what is left. */
    public Duration patienceForAPlace(Duration remaining) {
        var room = remaining.minus(shortestCall);
        return room.isNegative() ? Duration.ZERO : room;
    }
}
