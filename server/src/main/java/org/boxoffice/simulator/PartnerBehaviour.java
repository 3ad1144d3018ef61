package org.boxoffice.simulator;

import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The partner venues' behaviour at one moment. A forced mode applies to the next {@code times}
 * requests it affects (all of them when {@code times} is null), then the partner is back to
 * {@link PartnerMode#NORMAL} with the same latency and failure rate.
 */
record PartnerBehaviour(PartnerMode mode, @Nullable Integer times, LatencyRange latency, double failureRate) {

    // How NORMAL mode's random failures split: a cinema's box-office system is mostly just busy
    // (503), sometimes does what was asked and loses the answer, and now and then hangs.
    private static final double DOWN_SHARE = 0.6;
    private static final double ANSWER_LOST_SHARE = 0.25;

    PartnerBehaviour {
        Probability.require("failureRate", failureRate);
        if (times != null && times < 1) {
            throw new IllegalArgumentException("times is at least 1");
        }
    }

    Fault faultFor(PartnerCall call, RandomGenerator random) {
        if (forces(call)) {
            return forcedFault();
        }
        return random.nextDouble() < failureRate ? randomFailure(random.nextDouble()) : Fault.NONE;
    }

    boolean forces(PartnerCall call) {
        return switch (mode) {
            case NORMAL -> false;
            case ALWAYS_FAIL, TIMEOUT -> true;
            case LOSE_ANSWER_AFTER_CHANGE -> call != PartnerCall.SEATS;
        };
    }

    /** The behaviour after one request this one forced. */
    PartnerBehaviour afterOneUse() {
        if (times == null) {
            return this;
        }
        return times == 1
                ? new PartnerBehaviour(PartnerMode.NORMAL, null, latency, failureRate)
                : new PartnerBehaviour(mode, times - 1, latency, failureRate);
    }

    private Fault forcedFault() {
        return switch (mode) {
            case NORMAL -> Fault.NONE;
            case ALWAYS_FAIL -> Fault.FAIL_BEFORE_ACTING;
            case LOSE_ANSWER_AFTER_CHANGE -> Fault.LOSE_ANSWER;
            case TIMEOUT -> Fault.NO_ANSWER;
        };
    }

    private static Fault randomFailure(double draw) {
        if (draw < DOWN_SHARE) {
            return Fault.FAIL_BEFORE_ACTING;
        }
        return draw < DOWN_SHARE + ANSWER_LOST_SHARE ? Fault.LOSE_ANSWER : Fault.NO_ANSWER;
    }
}
