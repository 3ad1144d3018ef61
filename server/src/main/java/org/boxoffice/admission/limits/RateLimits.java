package org.boxoffice.admission.limits;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.boxoffice.platform.RateLimited;

/**
 * Asks a limit for one more request and refuses it ({@link RateLimited}, with the wait until the
 * limit allows one again) when there is none; each refusal is counted by limit
 * ({@code boxoffice.rate-limit.refused}, tag {@code limit}).
 */
final class RateLimits {

    private final Buckets buckets;
    private final MeterRegistry meters;

    RateLimits(Buckets buckets, MeterRegistry meters) {
        this.buckets = buckets;
        this.meters = meters;
    }

    /** @throws RateLimited when {@code subject} has used up {@code limit} for now */
    void take(Limit limit, String subject) {
        long waitNanos = buckets.take(limit, subject);
        if (waitNanos > 0) {
            refusals(limit).increment();
            throw new RateLimited(
                    "Too many requests (" + limit.name() + " limit); try again after Retry-After seconds.",
                    Duration.ofNanos(waitNanos));
        }
    }

    void giveBack(Limit limit, String subject) {
        buckets.giveBack(limit, subject);
    }

    private Counter refusals(Limit limit) {
        return Counter.builder("boxoffice.rate-limit.refused")
                .description("Requests refused 429 RATE_LIMITED, by limit")
                .tag("limit", limit.name())
                .register(meters);
    }
}
