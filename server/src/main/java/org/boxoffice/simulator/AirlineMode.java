package org.boxoffice.simulator;

/**
 * How the airline's reservation system behaves. {@code NORMAL} fails at random, at the configured
 * failure rate; the others force one behaviour so that tests can be deterministic.
 */
enum AirlineMode {
    /** Random failures at the failure rate, split into realistic kinds (see {@link AirlineBehaviour}). */
    NORMAL,
    /** Every request fails with 503 before anything is reserved or cancelled: the system is down. */
    ALWAYS_FAIL,
    /** Every new reservation is refused (overbooked): a business answer, not a failure. */
    ALWAYS_REFUSE,
    /** Reserves, then answers 504: the seats are taken but the caller cannot know. Cancels answer. */
    LOSE_ANSWER_AFTER_RESERVE,
    /** Reserves (or cancels), then never answers: the caller's read timeout ends the call. */
    TIMEOUT
}
