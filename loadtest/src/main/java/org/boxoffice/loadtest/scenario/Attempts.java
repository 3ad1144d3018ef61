package org.boxoffice.loadtest.scenario;

/**
 * How far a traveler got in one step, so that every loop ends: resends of the current attempt,
 * new attempts of the current goal, and flights tried.
 */
record Attempts(int resends, int retries, int flights) {

    static Attempts first() {
        return new Attempts(0, 0, 1);
    }

    Attempts resent() {
        return new Attempts(resends + 1, retries, flights);
    }

    /** A new attempt starts with no resends of its own. */
    Attempts retried() {
        return new Attempts(0, retries + 1, flights);
    }

    /** A new flight starts with a clean slate of attempts. */
    Attempts nextFlight() {
        return new Attempts(0, 0, flights + 1);
    }
}
