package org.boxoffice.admission.limits;

import org.boxoffice.identity.LoginThrottle;

/**
 * A login takes one of its email's failed attempts before the password is checked, and gives it
 * back when it was right: so many attempts at once cannot get past the limit, and a blocked email
 * is refused before any hashing.
 */
final class EmailLoginThrottle implements LoginThrottle {

    private final RateLimits limits;
    private final Limit failures;

    EmailLoginThrottle(RateLimits limits, Limit failures) {
        this.limits = limits;
        this.failures = failures;
    }

    @Override
    public void attempting(String email) {
        limits.take(failures, email);
    }

    @Override
    public void withdraw(String email) {
        limits.giveBack(failures, email);
    }
}
