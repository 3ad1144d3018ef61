package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadCacheTest {

    private final AtomicInteger computed = new AtomicInteger();

    private Integer compute(String key) {
        return computed.incrementAndGet();
    }

    @Test
    void aValueIsComputedOncePerTimeToLive() throws InterruptedException {
        var cache = ReadCache.of(Duration.ofMillis(200), 10, this::compute);

        assertThat(cache.get("event")).isEqualTo(1);
        assertThat(cache.get("event")).isEqualTo(1);
        assertThat(cache.get("other")).isEqualTo(2);
        Thread.sleep(300);

        assertThat(cache.get("event")).isEqualTo(3);
    }

    @Test
    void aForgottenValueIsComputedAgainAtOnce() {
        var cache = ReadCache.of(Duration.ofMinutes(1), 10, this::compute);
        cache.get("event");

        cache.forget("event");

        assertThat(cache.get("event")).isEqualTo(2);
    }

    @Test
    void zeroTimeToLiveComputesEveryRead() {
        var cache = ReadCache.of(Duration.ZERO, 10, this::compute);

        cache.get("event");
        cache.get("event");

        assertThat(computed).hasValue(2);
    }
}
