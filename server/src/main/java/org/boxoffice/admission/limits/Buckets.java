package org.boxoffice.admission.limits;

/**
 * Every bucket is kept in Redis while it answers, and in this instance's memory while it does
 * not: a limit never waits for Redis and never stops selling.
 */
final class Buckets {

    private final RedisBuckets redis;
    private final LocalBuckets local;
    private final RedisOutage outage;

    Buckets(RedisBuckets redis, LocalBuckets local, RedisOutage outage) {
        this.redis = redis;
        this.local = local;
        this.outage = outage;
    }

    /** Takes one token of {@code limit} for {@code subject}: 0, or the nanoseconds until one is there. */
    long take(Limit limit, String subject) {
        var key = keyOf(limit, subject);
        if (outage.mayTry()) {
            try {
                long wait = redis.take(key, limit);
                outage.succeeded();
                return wait;
            } catch (RuntimeException e) {
                outage.failed(e);
            }
        }
        return local.take(key, limit);
    }

    /** Puts back a token that was taken for something that does not count. */
    void giveBack(Limit limit, String subject) {
        var key = keyOf(limit, subject);
        if (!outage.isDown()) {
            try {
                redis.giveBack(key, limit);
                return;
            } catch (RuntimeException e) {
                outage.failed(e);
            }
        }
        local.giveBack(key, limit);
    }

    /**
     * The limit's numbers are part of the key: a bucket in Redis keeps the configuration it was
     * made with, so instances with other settings (a changed limit, a test) keep buckets of their own.
     */
    private static String keyOf(Limit limit, String subject) {
        return limit.name() + ":" + limit.burst() + "+" + limit.refill() + "/"
                + limit.period().toMillis() + "ms:" + subject;
    }

    boolean shared() {
        return !outage.isDown();
    }
}
