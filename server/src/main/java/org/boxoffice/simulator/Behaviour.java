package org.boxoffice.simulator;

import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The payment provider's behaviour at one moment. A forced mode applies to the next {@code times}
 * requests it affects (all of them when {@code times} is null), then the provider is back to
 * {@link Mode#NORMAL} with the same latency and failure rate.
 */
record Behaviour(
        Mode mode, @Nullable Integer times, LatencyRange latency, double failureRate, WebhookBehaviour webhooks) {

    // How NORMAL mode's random failures split: a real provider mostly declines cards, sometimes
    // fails before charging, and rarely charges and then loses the answer.
    private static final double DECLINED_SHARE = 0.5;
    private static final double FAILED_BEFORE_CHARGE_SHARE = 0.3;
    private static final double ANSWER_LOST_SHARE = 0.1;

    Behaviour {
        requireProbability("failureRate", failureRate);
        if (times != null && times < 1) {
            throw new IllegalArgumentException("times is at least 1");
        }
    }

    Fault faultFor(Call call, RandomGenerator random) {
        if (forces(call)) {
            return forcedFault();
        }
        if (call == Call.NEW_CHARGE && random.nextDouble() < failureRate) {
            return randomFailure(random.nextDouble());
        }
        return Fault.NONE;
    }

    boolean forces(Call call) {
        return switch (mode) {
            case NORMAL -> false;
            case ALWAYS_DECLINE -> call == Call.NEW_CHARGE;
            case ALWAYS_FAIL -> true;
            case LOSE_ANSWER_AFTER_CHARGE, TIMEOUT -> call != Call.LOOKUP;
        };
    }

    /** The behaviour after one request this one forced. */
    Behaviour afterOneUse() {
        if (times == null) {
            return this;
        }
        return times == 1
                ? new Behaviour(Mode.NORMAL, null, latency, failureRate, webhooks)
                : new Behaviour(mode, times - 1, latency, failureRate, webhooks);
    }

    private Fault forcedFault() {
        return switch (mode) {
            case NORMAL -> Fault.NONE;
            case ALWAYS_DECLINE -> Fault.DECLINE;
            case ALWAYS_FAIL -> Fault.FAIL_BEFORE_CHARGE;
            case LOSE_ANSWER_AFTER_CHARGE -> Fault.LOSE_ANSWER;
            case TIMEOUT -> Fault.NO_ANSWER;
        };
    }

    private static Fault randomFailure(double draw) {
        if (draw < DECLINED_SHARE) {
            return Fault.DECLINE;
        }
        if (draw < DECLINED_SHARE + FAILED_BEFORE_CHARGE_SHARE) {
            return Fault.FAIL_BEFORE_CHARGE;
        }
        return draw < DECLINED_SHARE + FAILED_BEFORE_CHARGE_SHARE + ANSWER_LOST_SHARE
                ? Fault.LOSE_ANSWER
                : Fault.NO_ANSWER;
    }

    static void requireProbability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " is a probability between 0 and 1: " + value);
        }
    }
}
