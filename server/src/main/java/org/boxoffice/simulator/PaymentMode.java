package org.boxoffice.simulator;

/**
 * How the payment provider behaves. {@code NORMAL} fails at random, at the configured failure
 * rate; the others force one behaviour so that tests can be deterministic.
 */
enum PaymentMode {
    /** Random failures at the failure rate, split into realistic kinds (see {@link PaymentBehaviour}). */
    NORMAL,
    /** Every new payment is declined: a business answer, not a failure of the provider. */
    ALWAYS_DECLINE,
    /** Every request fails with 503 before anything is charged or refunded: the provider is down. */
    ALWAYS_FAIL,
    /** Charges (or refunds), then answers 504: the money moved but the caller cannot know. */
    LOSE_ANSWER_AFTER_CHARGE,
    /** Charges (or refunds), then never answers: the caller's read timeout ends the call. */
    TIMEOUT,
    /** Charges one major unit (100 minor units) more than asked, and says so in its answers and webhook. */
    WRONG_AMOUNT
}
