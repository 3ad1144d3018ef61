package org.boxoffice.simulator;

/**
 * How the provider announces outcomes: after {@code delay} as a rule, after {@code lateDelay}
 * with probability {@code lateRate}, and twice with probability {@code duplicateRate}.
 */
record WebhookBehaviour(
        boolean enabled, LatencyRange delay, double duplicateRate, double lateRate, LatencyRange lateDelay) {

    WebhookBehaviour {
        Probability.require("webhookDuplicateRate", duplicateRate);
        Probability.require("webhookLateRate", lateRate);
    }
}
