package org.boxoffice.simulator;

import java.time.Duration;

/**
 * What goes wrong with one request to a simulated system, decided by the behaviour in force when
 * it arrives. The same kinds of trouble befall every provider; each simulator says what acting
 * and refusing mean for it.
 */
enum Fault {
    NONE,
    /** A business answer instead of the expected one: a declined card, an overbooked flight. */
    REFUSE,
    /** 503 before anything is done: the system is down or overloaded. */
    FAIL_BEFORE_ACTING,
    /** The request is carried out, then answered 504: the caller cannot know it worked. */
    LOSE_ANSWER,
    /** The request is carried out, then never answered: the caller's read timeout ends it. */
    NO_ANSWER;

    /**
     * What the caller gets for {@code answer} under this fault: the answer itself, a 504 after
     * the work was done, or (after {@code hang}) no answer at all.
     */
    Reply deliver(Duration hang, Reply answer) throws InterruptedException {
        return switch (this) {
            case LOSE_ANSWER -> Reply.error(504, "GATEWAY_TIMEOUT", "The upstream did not answer in time.");
            case NO_ANSWER -> {
                Thread.sleep(hang);
                yield new Reply.NoAnswer();
            }
            default -> answer;
        };
    }
}
