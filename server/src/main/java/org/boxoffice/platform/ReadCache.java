package org.boxoffice.platform;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Answers that may lag a write by a moment (API.md lets counts and seat maps lag up to a
 * second): each key's value is computed at most once per time-to-live, however many readers ask
 * at the same time. A time-to-live of zero turns the cache off (every read computes).
 */
public final class ReadCache<K, V> {

    private final Function<K, V> compute;
    private final @Nullable LoadingCache<K, V> cache;

    private ReadCache(Function<K, V> compute, @Nullable LoadingCache<K, V> cache) {
        this.compute = compute;
        this.cache = cache;
    }

    public static <K, V> ReadCache<K, V> of(Duration timeToLive, long maxEntries, Function<K, V> compute) {
        if (timeToLive.isZero()) {
            return new ReadCache<>(compute, null);
        }
        LoadingCache<K, V> cache = Caffeine.newBuilder()
                .expireAfterWrite(timeToLive)
                .maximumSize(maxEntries)
                .build(compute::apply);
        return new ReadCache<>(compute, cache);
    }

    public V get(K key) {
        return cache == null ? compute.apply(key) : cache.get(key);
    }

    /** Drops the key's value, e.g. after a change its readers must see at once. */
    public void forget(K key) {
        if (cache != null) {
            cache.invalidate(key);
        }
    }
}
