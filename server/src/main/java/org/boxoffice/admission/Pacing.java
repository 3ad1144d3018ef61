package org.boxoffice.admission;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How often a waiting buyer asks where they stand. Near the front they ask every second; further
 * back, after a share of their expected wait; before the opening, just after it (spread over a
 * few seconds). With 100,000 people waiting at 100 a second, that is a few thousand polls a
 * second instead of 100,000. A little randomness keeps the polls from arriving in waves.
 */
final class Pacing {

    /** How far past the opening the early crowd's first polls are spread. */
    private static final int OPENING_SPREAD_SECONDS = 5;

    private final long longestPoll;
    private final double share;
    private final DoubleSupplier random;

    Pacing(Duration longestPoll, double share, DoubleSupplier random) {
        this.longestPoll = Math.max(1, longestPoll.toSeconds());
        this.share = share;
        this.random = random;
    }

    /** Seconds until someone with {@code ahead} people in front of them is admitted, roughly. */
    static long expectedWait(long ahead, int admitPerSecond) {
        return Math.ceilDiv(Math.max(0, ahead), admitPerSecond);
    }

    int beforeOpening(Duration untilOpening) {
        long seconds =
                Math.max(0, untilOpening.toSeconds()) + Math.round(random.getAsDouble() * OPENING_SPREAD_SECONDS);
        return bounded(seconds);
    }

    /** @param placesPerSecond how fast the front moves (the rate, or slower while it is braked) */
    int waiting(long ahead, double placesPerSecond) {
        double jitter = 0.8 + 0.4 * random.getAsDouble();
        double expected = Math.max(0, ahead) / Math.max(placesPerSecond, 0.001);
        return bounded(Math.round(expected * share * jitter));
    }

    private int bounded(long seconds) {
        return (int) Math.clamp(seconds, 1, longestPoll);
    }
}
