package org.boxoffice.admission.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets kept in Redis, so that every instance counts against the same ones. Bucket4j's
 * compare-and-swap needs a read and a script per request; concurrent requests for one bucket on
 * this instance are batched into one exchange, and a request's buckets are asked at once ({@link
 * #takeLater}), so that it waits for two round trips however many limits it counts against. The
 * connection is opened on first use, so a server whose Redis is away starts anyway; every call
 * fails within the client's command timeout.
 */
final class RedisBuckets implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisBuckets.class);

    private static final String KEY_PREFIX = "boxoffice:rate-limit:";
    /** A full bucket is as good as none: Redis forgets it soon after it filled up. */
    private static final Duration KEPT_AFTER_FULL = Duration.ofSeconds(10);

    private final Supplier<StatefulRedisConnection<String, byte[]>> connector;
    private final TimeMeter time;
    private final Duration timeout;
    private final Cache<String, AsyncBucketProxy> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(1))
            .build();

    private final long reconnectAfterNanos;

    private @Nullable StatefulRedisConnection<String, byte[]> connection;
    private volatile @Nullable AsyncProxyManager<String> proxies;
    private boolean triedToConnect;
    private long lastFailedConnect;

    /**
     * @param reconnectAfter after a failed connection attempt, how long requests do not try again
     *     (those already waiting for the attempt included), so that a Redis that does not answer
     *     costs one connect timeout, not one per waiting request
     */
    RedisBuckets(
            Supplier<StatefulRedisConnection<String, byte[]>> connector,
            TimeMeter time,
            Duration timeout,
            Duration reconnectAfter) {
        this.connector = connector;
        this.time = time;
        this.timeout = timeout;
        this.reconnectAfterNanos = reconnectAfter.toNanos();
    }

    /**
     * Starts taking one token; the answer is 0, or the nanoseconds until one is there again. Fails
     * at once, or later within the command timeout, when Redis cannot be reached.
     */
    CompletableFuture<Long> takeLater(String key, Limit limit) {
        return bucket(key, limit)
                .tryConsumeAndReturnRemaining(1)
                .thenApply(probe -> probe.isConsumed() ? 0L : Math.max(1, probe.getNanosToWaitForRefill()));
    }

    void giveBack(String key, Limit limit) {
        bucket(key, limit).addTokens(1).join();
    }

    private AsyncBucketProxy bucket(String key, Limit limit) {
        var manager = proxies();
        return buckets.get(
                key,
                ignored -> manager.builder()
                        .withOptimization(Optimizations.batching())
                        .build(KEY_PREFIX + key, () -> CompletableFuture.completedFuture(limit.configuration())));
    }

    /**
     * Opens the connection now, in the background, so that the first requests do not pay for it
     * (nor for loading Bucket4j's classes); a Redis that is away is left to the first request
     * after {@code reconnectAfter}.
     */
    void connectInTheBackground() {
        Thread.ofVirtual().name("rate-limit-redis-connect").start(() -> {
            try {
                proxies();
            } catch (RuntimeException e) {
                log.info(
                        "Rate limits could not reach Redis at start; kept per instance until they can: {}",
                        e.toString());
            }
        });
    }

    private AsyncProxyManager<String> proxies() {
        var ready = proxies;
        return ready != null ? ready : connect();
    }

    private synchronized AsyncProxyManager<String> connect() {
        var ready = proxies;
        if (ready != null) {
            return ready;
        }
        if (triedToConnect && System.nanoTime() - lastFailedConnect < reconnectAfterNanos) {
            throw new IllegalStateException("Redis could not be reached a moment ago");
        }
        StatefulRedisConnection<String, byte[]> opened;
        try {
            opened = connector.get();
        } catch (RuntimeException e) {
            triedToConnect = true;
            lastFailedConnect = System.nanoTime();
            throw e;
        }
        connection = opened;
        ready = Bucket4jLettuce.casBasedBuilder(opened)
                .clientClock(time)
                .requestTimeout(timeout)
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEPT_AFTER_FULL))
                .build()
                .asAsync();
        proxies = ready;
        return ready;
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
    }
}
