package org.boxoffice.simulator;

import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The airline's behaviour at one moment. A forced mode applies to the next {@code times} requests
 * it affects (all of them when {@code times} is null), then the airline is back to {@link
 * AirlineMode#NORMAL} with the same latency and failure rate.
 */
record AirlineBehaviour(AirlineMode mode, @Nullable Integer times, LatencyRange latency, double failureRate) {

    // How NORMAL mode's random failures of a new reservation split: an old reservation system is
    // mostly just down or overloaded, sometimes reserves and then loses the answer or never
    // answers at all, and now and then says no (the flight is overbooked). Repeated requests,
    // cancellations and lookups fail at the same rate, but only before doing anything.
    private static final double DOWN_SHARE = 0.55;
    private static final double ANSWER_LOST_SHARE = 0.2;
    private static final double NO_ANSWER_SHARE = 0.15;

    static final String OVERBOOKED = "OVERBOOKED";

    AirlineBehaviour {
        Probability.require("failureRate", failureRate);
        if (times != null && times < 1) {
            throw new IllegalArgumentException("times is at least 1");
        }
    }

    Fault faultFor(AirlineCall call, RandomGenerator random) {
        if (forces(call)) {
            return forcedFault();
        }
        if (random.nextDouble() >= failureRate) {
            return Fault.NONE;
        }
        return call == AirlineCall.NEW_RESERVATION ? randomFailure(random.nextDouble()) : Fault.FAIL_BEFORE_ACTING;
    }

    boolean forces(AirlineCall call) {
        return switch (mode) {
            case NORMAL -> false;
            case ALWAYS_FAIL -> true;
            case ALWAYS_REFUSE -> call == AirlineCall.NEW_RESERVATION;
            // Losing the answer of a reservation is about reservations: cancellations (which the
            // engine also sends in the background) neither lose answers nor use up `times`.
            case LOSE_ANSWER_AFTER_RESERVE ->
                call == AirlineCall.NEW_RESERVATION || call == AirlineCall.REPEATED_RESERVATION;
            case TIMEOUT -> call != AirlineCall.LOOKUP;
        };
    }

    /** The behaviour after one request this one forced. */
    AirlineBehaviour afterOneUse() {
        if (times == null) {
            return this;
        }
        return times == 1
                ? new AirlineBehaviour(AirlineMode.NORMAL, null, latency, failureRate)
                : new AirlineBehaviour(mode, times - 1, latency, failureRate);
    }

    private Fault forcedFault() {
        return switch (mode) {
            case NORMAL -> Fault.NONE;
            case ALWAYS_FAIL -> Fault.FAIL_BEFORE_ACTING;
            case ALWAYS_REFUSE -> Fault.REFUSE;
            case LOSE_ANSWER_AFTER_RESERVE -> Fault.LOSE_ANSWER;
            case TIMEOUT -> Fault.NO_ANSWER;
        };
    }

    private static Fault randomFailure(double draw) {
        if (draw < DOWN_SHARE) {
            return Fault.FAIL_BEFORE_ACTING;
        }
        if (draw < DOWN_SHARE + ANSWER_LOST_SHARE) {
            return Fault.LOSE_ANSWER;
        }
        return draw < DOWN_SHARE + ANSWER_LOST_SHARE + NO_ANSWER_SHARE ? Fault.NO_ANSWER : Fault.REFUSE;
    }
}
