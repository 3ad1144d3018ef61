package org.boxoffice.platform;

import java.time.Duration;
import java.util.Optional;

/**
 * The caller sent more than a limit allows ({@code 429 RATE_LIMITED}): nothing was done, and the
 * same request may succeed after {@code Retry-After}.
 */
public class RateLimited extends ApiException {

    private final Duration retryAfter;

    public RateLimited(String detail, Duration retryAfter) {
        super(429, "RATE_LIMITED", detail);
        this.retryAfter = retryAfter;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(retryAfter);
    }
}
