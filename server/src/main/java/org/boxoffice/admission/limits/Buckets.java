package org.boxoffice.admission.limits;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Every bucket is kept in Redis while it answers, and in this instance's memory while it does
 * not: a limit never waits for Redis and never stops selling. The memory's buckets count this
 * instance's requests all the time, not only while Redis is away, so that a switch to them (an
 * outage, or one command that timed out) does not hand a user a fresh burst: they hold what this
 * instance let through lately. The memory keeps the 100,000 subjects seen last; one beyond them
 * starts full again at a switch.
 */
final class Buckets {

    /** One token of {@code limit} for {@code subject}. */
    record Take(Limit limit, String subject) {}

    private final RedisBuckets redis;
    private final LocalBuckets local;
    private final RedisOutage outage;

    Buckets(RedisBuckets redis, LocalBuckets local, RedisOutage outage) {
        this.redis = redis;
        this.local = local;
        this.outage = outage;
    }

    /**
     * Takes one token of each limit for its subject, asking Redis for all of them at once. The
     * answer has one wait per take: 0 when it had a token, else the nanoseconds until one is
     * there. When one had none, the tokens taken for the others are given back, so that a refused
     * request counts against nothing.
     */
    List<Long> takeEach(List<Take> takes) {
        var keys =
                takes.stream().map(take -> keyOf(take.limit(), take.subject())).toList();
        var locally = takeLocally(takes, keys);
        var shared = takeShared(takes, keys);
        var waits = shared == null ? locally : shared;
        if (waits.stream().anyMatch(wait -> wait > 0)) {
            for (int i = 0; i < takes.size(); i++) {
                if (locally.get(i) == 0) {
                    local.giveBack(keys.get(i), takes.get(i).limit());
                }
                if (shared != null && shared.get(i) == 0) {
                    giveBackShared(keys.get(i), takes.get(i).limit());
                }
            }
        }
        return waits;
    }

    /** Redis's answer, or null when it is away (or has just failed). */
    private @Nullable List<Long> takeShared(List<Take> takes, List<String> keys) {
        if (!outage.mayTry()) {
            return null;
        }
        try {
            var asked = new ArrayList<CompletableFuture<Long>>();
            for (int i = 0; i < takes.size(); i++) {
                asked.add(redis.takeLater(keys.get(i), takes.get(i).limit()));
            }
            var waits = asked.stream().map(CompletableFuture::join).toList();
            outage.succeeded();
            return waits;
        } catch (RuntimeException e) {
            outage.failed(e);
            return null;
        }
    }

    private List<Long> takeLocally(List<Take> takes, List<String> keys) {
        var waits = new ArrayList<Long>(takes.size());
        for (int i = 0; i < takes.size(); i++) {
            waits.add(local.take(keys.get(i), takes.get(i).limit()));
        }
        return waits;
    }

    /** Puts back a token that was taken for something that does not count. */
    void giveBack(Limit limit, String subject) {
        var key = keyOf(limit, subject);
        local.giveBack(key, limit);
        giveBackShared(key, limit);
    }

    private void giveBackShared(String key, Limit limit) {
        if (outage.isDown()) {
            return;
        }
        try {
            redis.giveBack(key, limit);
        } catch (RuntimeException e) {
            outage.failed(e);
        }
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
