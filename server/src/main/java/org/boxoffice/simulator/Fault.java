package org.boxoffice.simulator;

/** What goes wrong with one request, decided by the {@link Behaviour} in force when it arrives. */
enum Fault {
    NONE,
    DECLINE,
    FAIL_BEFORE_CHARGE,
    LOSE_ANSWER,
    NO_ANSWER
}
