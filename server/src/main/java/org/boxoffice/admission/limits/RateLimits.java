package org.boxoffice.admission.limits;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.boxoffice.admission.limits.Buckets.Take;
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
        takeEach(List.of(new Take(limit, subject)));
    }

    /**
     * Takes one token of each limit at once (one wait for Redis, not one per limit).
     *
     * @throws RateLimited when one of them is used up for now, naming the one with the longest
     *     wait; then none of them is counted
     */
    void takeEach(List<Take> takes) {
        var waits = buckets.takeEach(takes);
        Take longest = null;
        long longestWait = 0;
        for (int i = 0; i < takes.size(); i++) {
            if (waits.get(i) > 0) {
                refusals(takes.get(i).limit()).increment();
                if (waits.get(i) > longestWait) {
                    longest = takes.get(i);
                    longestWait = waits.get(i);
                }
            }
        }
        if (longest != null) {
            throw new RateLimited(
                    "Too many requests (" + longest.limit().name() + " limit); try again after Retry-After seconds.",
                    Duration.ofNanos(longestWait));
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
