package org.boxoffice.simulator;

/** The kinds of request a partner venue serves; a mode may force some and leave others alone. */
enum PartnerCall {
    SEATS,
    HOLD,
    CONFIRM,
    RELEASE
}
