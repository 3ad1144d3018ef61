package org.boxoffice.identity;

/**
 * Limits failed logins per email, so that guessing one account's password is slow. Asked before
 * the password is hashed, so a blocked email costs no hash. Another module (admission) keeps the
 * counts; identity only says when an attempt starts and when it turned out to be right.
 */
public interface LoginThrottle {

    /** Lets nothing be limited: for servers with rate limits turned off. */
    LoginThrottle NONE = new LoginThrottle() {
        @Override
        public void attempting(String email) {}

        @Override
        public void withdraw(String email) {}
    };

    /**
     * Counts an attempt for {@code email} (normalised) as failed until {@link #withdraw} says
     * otherwise.
     *
     * @throws org.boxoffice.platform.RateLimited when the email has no failed attempts left
     */
    void attempting(String email);

    /** The attempt does not count against the email: it was right, or it was never checked. */
    void withdraw(String email);
}
