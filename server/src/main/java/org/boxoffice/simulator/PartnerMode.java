package org.boxoffice.simulator;

/**
 * How the partner venues' box-office system behaves. {@code NORMAL} fails at random, at the
 * configured failure rate; the others force one behaviour so that tests can be deterministic.
 */
enum PartnerMode {
    /** Random failures at the failure rate, split into realistic kinds (see {@link PartnerBehaviour}). */
    NORMAL,
    /** Every request fails with 503 before anything is read or changed: the system is down. */
    ALWAYS_FAIL,
    /** Holds, confirms or releases, then answers 504: the change is made but the caller cannot know. */
    LOSE_ANSWER_AFTER_CHANGE,
    /** Every request hangs without an answer (changes are made first): the caller's read timeout ends it. */
    TIMEOUT
}
