package org.boxoffice.admission.limits;

import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;

/**
 * One token bucket per subject (a user, an address, an email): {@code burst} requests at once,
 * then {@code refill} more every {@code period}, added smoothly.
 *
 * @param name the limit's name in Redis keys and in the {@code limit} tag of the refusal metric
 */
record Limit(String name, long burst, long refill, Duration period) {

    /** {@code count} within {@code period}, however they are spread. */
    static Limit quota(String name, long count, Duration period) {
        return new Limit(name, count, count, period);
    }

    BucketConfiguration configuration() {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(refill, period))
                .build();
    }

    /** How long a bucket takes to fill from empty: after that, an unused one can be forgotten. */
    Duration timeToFill() {
        return period.multipliedBy(Math.max(1, (burst + refill - 1) / refill));
    }
}
