package org.boxoffice.payment;

/** What became of a charge. */
public sealed interface ChargeOutcome {

    /** The money was taken; {@code paymentId} is the provider's id of the payment. */
    record Succeeded(String paymentId) implements ChargeOutcome {}

    /**
     * Nothing was taken and the buyer may try again: the provider declined, or it is certain that
     * the charge never reached the provider.
     */
    record Declined(String reason) implements ChargeOutcome {}

    /**
     * No answer within the deadline (a timeout, a lost answer, an open circuit breaker). The money
     * may or may not have been taken; the webhook or reconciliation settles it and announces the
     * result with {@link PaymentSucceeded} or {@link PaymentFailed}.
     */
    record Unknown() implements ChargeOutcome {}
}
