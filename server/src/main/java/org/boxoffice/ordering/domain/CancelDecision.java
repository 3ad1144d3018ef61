package org.boxoffice.ordering.domain;

/** What a request to cancel an order leads to. */
public enum CancelDecision {
    /** Let the held tickets go. */
    RELEASE,
    /** Give the money back through the provider, then the tickets. */
    REFUND,
    REFUND_WINDOW_CLOSED,
    NOT_CANCELLABLE
}
