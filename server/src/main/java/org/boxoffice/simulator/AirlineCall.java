package org.boxoffice.simulator;

/** The kinds of request the airline serves; a mode may force some and leave others alone. */
enum AirlineCall {
    NEW_RESERVATION,
    REPEATED_RESERVATION,
    CANCEL,
    LOOKUP
}
