package org.boxoffice.ordering;

/** Who outside boxoffice must agree to a hold, and be told when it ends. */
enum ConfirmedBy {
    /** Flights: the airline's reservation system. */
    AIRLINE,
    /** PARTNER-mode events: the venue's own box-office system. */
    PARTNER
}
