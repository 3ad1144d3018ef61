package org.boxoffice.ordering.domain;

/** What a request to pay an order leads to. */
public enum PaymentDecision {
    /** Ask the provider for the money. */
    CHARGE,
    /** A payment is already under way; its outcome is awaited, nothing is charged again. */
    ALREADY_PENDING,
    EXPIRED,
    NOT_PAYABLE
}
