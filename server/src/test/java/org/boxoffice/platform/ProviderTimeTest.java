package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalFunction;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProviderTimeTest {

    // Other tests' provider calls ran on this same thread before.
    @BeforeEach
    @AfterEach
    void startAfresh() {
        ProviderTime.reset();
    }

    @Test
    void timeAddsUpPerThreadUntilReset() throws Exception {
        ProviderTime.add(Duration.ofMillis(120));
        ProviderTime.add(Duration.ofMillis(30));

        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            assertThat(threads.submit(ProviderTime::ofThisRequest).get()).isEqualTo(Duration.ZERO);
        }
        assertThat(ProviderTime.ofThisRequest()).isEqualTo(Duration.ofMillis(150));
        ProviderTime.reset();
        assertThat(ProviderTime.ofThisRequest()).isEqualTo(Duration.ZERO);
    }

    @Test
    void everyProviderCallCountsWithItsRetries() {
        var calls = new ProviderCalls(
                CircuitBreaker.ofDefaults("test"),
                new Bulkhead(10),
                new RetrySchedule(IntervalFunction.of(Duration.ofMillis(50)), Duration.ofMillis(10)),
                Duration.ofSeconds(2),
                Duration.ofSeconds(1),
                3,
                System::nanoTime,
                Duration.ZERO,
                new SimpleMeterRegistry());
        var tries = new int[1];

        calls.call("charge", timeout -> {
            if (++tries[0] < 3) {
                throw new ProviderUnavailable("503");
            }
            return "charged";
        });

        assertThat(ProviderTime.ofThisRequest()).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }
}
