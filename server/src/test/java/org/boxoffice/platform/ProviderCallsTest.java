package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProviderCallsTest {

    private final CircuitBreaker breaker = CircuitBreaker.of(
            "test",
            CircuitBreakerConfig.custom()
                    .slidingWindowSize(10)
                    .minimumNumberOfCalls(10)
                    .failureRateThreshold(50)
                    .waitDurationInOpenState(Duration.ofMinutes(1))
                    .recordException(e -> e instanceof ProviderUnavailable)
                    .ignoreExceptions(ProviderRejected.class)
                    .build());

    private ProviderCalls calls(Duration budget) {
        var schedule = new RetrySchedule(
                IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(20), 2, 0.5, Duration.ofMillis(100)),
                Duration.ofMillis(50));
        return new ProviderCalls(
                breaker,
                new Bulkhead(100),
                schedule,
                budget,
                Duration.ofMillis(300),
                50,
                System::nanoTime,
                Duration.ZERO,
                new SimpleMeterRegistry());
    }

    @Test
    void retriesSendTheSameRequestUntilTheProviderAnswers() {
        var request = new Object();
        var sent = new CopyOnWriteArrayList<Object>();
        var tries = new AtomicInteger();

        var answer = calls(Duration.ofSeconds(5)).call("charge", timeout -> {
            sent.add(request);
            if (tries.incrementAndGet() < 3) {
                throw new ProviderUnavailable("503");
            }
            return "charged";
        });

        assertThat(answer).contains("charged");
        assertThat(sent).hasSize(3).containsOnly(request);
    }

    @Test
    void givesUpWhenTheDeadlinePasses() {
        var tries = new AtomicInteger();
        var budget = Duration.ofMillis(700);
        long started = System.nanoTime();

        var answer = calls(budget).call("charge", timeout -> {
            tries.incrementAndGet();
            throw new ProviderUnavailable("504");
        });

        var took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(answer).isEmpty();
        assertThat(tries.get()).isGreaterThan(3);
        assertThat(took).isLessThan(budget.plusMillis(150));
    }

    @Test
    void eachTryMayTakeOnlyWhatIsLeftOfTheDeadline() {
        List<Duration> timeouts = new CopyOnWriteArrayList<>();

        calls(Duration.ofMillis(500)).call("charge", timeout -> {
            timeouts.add(timeout);
            sleep(timeout);
            throw new ProviderUnavailable("read timed out");
        });

        assertThat(timeouts.getFirst()).isEqualTo(Duration.ofMillis(300));
        assertThat(timeouts.getLast()).isLessThan(Duration.ofMillis(300));
        assertThat(timeouts.stream().mapToLong(Duration::toMillis).sum()).isLessThanOrEqualTo(500);
    }

    @Test
    void aRejectedRequestIsNotRetried() {
        var tries = new AtomicInteger();

        var answer = calls(Duration.ofSeconds(5)).call("charge", timeout -> {
            tries.incrementAndGet();
            throw new ProviderRejected("422");
        });

        assertThat(answer).isEmpty();
        assertThat(tries.get()).isEqualTo(1);
    }

    @Test
    void repeatedFailuresOpenTheBreakerWhichThenAnswersAtOnce() {
        var tries = new AtomicInteger();
        var calls = calls(Duration.ofSeconds(5));
        calls.call("charge", timeout -> {
            tries.incrementAndGet();
            throw new ProviderUnavailable("503");
        });
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int triesWhenOpened = tries.get();
        long started = System.nanoTime();

        var answer = calls.call("charge", timeout -> {
            tries.incrementAndGet();
            return "charged";
        });

        assertThat(answer).isEmpty();
        assertThat(tries.get()).isEqualTo(triesWhenOpened);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(100));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
