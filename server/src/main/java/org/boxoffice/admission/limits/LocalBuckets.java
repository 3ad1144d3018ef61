package org.boxoffice.admission.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/**
 * The same buckets in this instance's memory, for while Redis is away: each instance then limits
 * on its own (N instances let up to N times the limit through), and selling goes on.
 */
final class LocalBuckets {

    private final TimeMeter time;
    /** Forgotten after the longest window (an hour for registrations) without use. */
    private final Cache<String, Bucket> buckets;

    LocalBuckets(TimeMeter time, Duration keptUnused) {
        this.time = time;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(keptUnused)
                .build();
    }

    long take(String key, Limit limit) {
        var probe = bucket(key, limit).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    void giveBack(String key, Limit limit) {
        bucket(key, limit).addTokens(1);
    }

    private Bucket bucket(String key, Limit limit) {
        return buckets.get(
                key,
                ignored -> Bucket.builder()
                        .withCustomTimePrecision(time)
                        .addLimit(bandwidth ->
                                bandwidth.capacity(limit.burst()).refillGreedy(limit.refill(), limit.period()))
                        .build());
    }
}
