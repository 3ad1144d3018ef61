package org.boxoffice.simulator;

import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The payment provider's behaviour at one moment. A forced mode applies to the next {@code times}
 * requests it affects (all of them when {@code times} is null), then the provider is back to
 * {@link PaymentMode#NORMAL} with the same latency and failure rate.
 */
record PaymentBehaviour(
        PaymentMode mode,
        @Nullable Integer times,
        LatencyRange latency,
        double failureRate,
        WebhookBehaviour webhooks) {

    // How NORMAL mode's random failures split: a real provider mostly declines cards, sometimes
    // fails before charging, and rarely charges and then loses the answer.
    private static final double DECLINED_SHARE = 0.5;
    private static final double FAILED_BEFORE_CHARGE_SHARE = 0.3;
    private static final double ANSWER_LOST_SHARE = 0.1;

    PaymentBehaviour {
        Probability.require("failureRate", failureRate);
        if (times != null && times < 1) {
            throw new IllegalArgumentException("times is at least 1");
        }
    }

    Fault faultFor(PaymentCall call, RandomGenerator random) {
        if (forces(call)) {
            return forcedFault();
        }
        if (call == PaymentCall.NEW_CHARGE && random.nextDouble() < failureRate) {
            return randomFailure(random.nextDouble());
        }
        return Fault.NONE;
    }

    boolean forces(PaymentCall call) {
        return switch (mode) {
            case NORMAL -> false;
            case ALWAYS_DECLINE -> call == PaymentCall.NEW_CHARGE;
            // A provider that fails a few times is flaky, not down: lookups (reconciliation asks in
            // the background whenever it likes) still answer, so they neither use up the failures
            // a test asked for its charge nor open the breaker meanwhile.
            case ALWAYS_FAIL -> times == null || call != PaymentCall.LOOKUP;
            case LOSE_ANSWER_AFTER_CHARGE, TIMEOUT -> call != PaymentCall.LOOKUP;
            case WRONG_AMOUNT -> call == PaymentCall.NEW_CHARGE;
        };
    }

    /** Whether a new charge now takes another amount than asked. */
    boolean chargesWrongAmount() {
        return mode == PaymentMode.WRONG_AMOUNT;
    }

    /** The behaviour after one request this one forced. */
    PaymentBehaviour afterOneUse() {
        if (times == null) {
            return this;
        }
        return times == 1
                ? new PaymentBehaviour(PaymentMode.NORMAL, null, latency, failureRate, webhooks)
                : new PaymentBehaviour(mode, times - 1, latency, failureRate, webhooks);
    }

    private Fault forcedFault() {
        return switch (mode) {
            case NORMAL -> Fault.NONE;
            case ALWAYS_DECLINE -> Fault.REFUSE;
            case ALWAYS_FAIL -> Fault.FAIL_BEFORE_ACTING;
            case LOSE_ANSWER_AFTER_CHARGE -> Fault.LOSE_ANSWER;
            case TIMEOUT -> Fault.NO_ANSWER;
            case WRONG_AMOUNT -> Fault.NONE;
        };
    }

    private static Fault randomFailure(double draw) {
        if (draw < DECLINED_SHARE) {
            return Fault.REFUSE;
        }
        if (draw < DECLINED_SHARE + FAILED_BEFORE_CHARGE_SHARE) {
            return Fault.FAIL_BEFORE_ACTING;
        }
        return draw < DECLINED_SHARE + FAILED_BEFORE_CHARGE_SHARE + ANSWER_LOST_SHARE
                ? Fault.LOSE_ANSWER
                : Fault.NO_ANSWER;
    }
}
