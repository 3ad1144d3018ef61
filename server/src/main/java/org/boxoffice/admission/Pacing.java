package org.boxoffice.admission;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How often a waiting buyer asks where they stand. Each is asked to come back about when their
 * turn should come (their expected wait, give or take a tenth, so that the polls do not arrive in
 * waves), so a buyer asks about three times on the way to the front: once far back, once when the
 * front should have reached them, and once more if that was a little early. Those within a second
 * of the front ask every second. Nobody is asked to wait longer than the longest poll, which grows
 * with the line so that its back sends about {@code pollBudget} polls a second in all: 100,000
 * waiting with a budget of 250 come back every 400 s. The whole line then polls at about twice
 * the admission rate plus the budget.
 *
 * <p>Half of the buyers come back a little after their turn; it costs them only those seconds,
 * since an admission token's lifetime runs from the first time it is handed out.
 */
final class Pacing {

    /** The longest anyone is asked to wait, however long the line. */
    static final long LONGEST_EVER_SECONDS = 900;

    /** The shortest spread of the early crowd's first polls past the opening. */
    private static final long SHORTEST_OPENING_SPREAD_SECONDS = 5;

    /** The longest spread of the early crowd's first polls past the opening. */
    private static final long LONGEST_OPENING_SPREAD_SECONDS = 120;

    private final long longestPoll;
    private final double share;
    private final double pollBudget;
    private final DoubleSupplier random;

    /**
     * @param longestPoll the longest wait for a short line
     * @param share the share of the expected wait a buyer waits before asking again
     * @param pollBudget how many polls a second the back of a long line may send in all
     * @param random numbers in [0, 1) for the jitter
     */
    Pacing(Duration longestPoll, double share, int pollBudget, DoubleSupplier random) {
        this.longestPoll = Math.clamp(longestPoll.toSeconds(), 1, LONGEST_EVER_SECONDS);
        this.share = share;
        this.pollBudget = Math.max(1, pollBudget);
        this.random = random;
    }

    /** Seconds until someone with {@code ahead} people in front of them is admitted, roughly. */
    static long expectedWait(long ahead, int admitPerSecond) {
        return Math.ceilDiv(Math.max(0, ahead), admitPerSecond);
    }

    /**
     * Before the opening: just after it, the early crowd spread over a few seconds, or up to two
     * minutes for a crowd of tens of thousands (its order is drawn at the opening, so anyone in it
     * may be among the first admitted).
     *
     * @param waiting how many are in the line
     */
    int beforeOpening(Duration untilOpening, long waiting) {
        long spread = Math.clamp(
                Math.round(waiting / (2 * pollBudget)),
                SHORTEST_OPENING_SPREAD_SECONDS,
                LONGEST_OPENING_SPREAD_SECONDS);
        long seconds = Math.max(0, untilOpening.toSeconds()) + Math.round(random.getAsDouble() * spread);
        return bounded(seconds, waiting);
    }

    /**
     * @param ahead the buyer's position
     * @param placesPerSecond how fast the front moves (the rate, or slower while it is braked)
     * @param waiting how many are in the line, not yet admitted
     */
    int waiting(long ahead, double placesPerSecond, long waiting) {
        double jitter = 0.9 + 0.2 * random.getAsDouble();
        double expected = Math.max(0, ahead) / Math.max(placesPerSecond, 0.001);
        return bounded(Math.round(expected * share * jitter), waiting);
    }

    /** The longest wait for a line of this many: long enough that its back keeps to the budget. */
    long longest(long waiting) {
        long forBudget = (long) Math.ceil(Math.max(0, waiting) / pollBudget);
        return Math.clamp(forBudget, longestPoll, LONGEST_EVER_SECONDS);
    }

    private int bounded(long seconds, long waiting) {
        return (int) Math.clamp(seconds, 1, longest(waiting));
    }
}
