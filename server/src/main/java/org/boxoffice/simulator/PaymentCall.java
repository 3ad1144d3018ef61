package org.boxoffice.simulator;

/** The kinds of request the payment provider serves; a mode may force some and leave others alone. */
enum PaymentCall {
    NEW_CHARGE,
    REPEATED_CHARGE,
    REFUND,
    LOOKUP
}
