package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The breaker judges the provider by its answers; our own waits and overload are not its failures. */
class ProviderCallsJudgingTest {

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final CircuitBreaker breaker = CircuitBreaker.of(
            "judged",
            CircuitBreakerConfig.custom()
                    .slidingWindowSize(10)
                    .minimumNumberOfCalls(10)
                    .failureRateThreshold(50)
                    .waitDurationInOpenState(Duration.ofMinutes(1))
                    .recordException(e -> e instanceof ProviderUnavailable)
                    .ignoreExceptions(ProviderRejected.class)
                    .build());

    private Duration silenceBeforeBlame = Duration.ZERO;

    private ProviderCalls calls(Duration budget, int places) {
        var schedule = new RetrySchedule(
                IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(10), 2, 0.5, Duration.ofMillis(40)),
                Duration.ofMillis(50));
        return new ProviderCalls(
                breaker,
                new Bulkhead(places),
                schedule,
                budget,
                Duration.ofMillis(300),
                5,
                System::nanoTime,
                silenceBeforeBlame,
                meters);
    }

    @Test
    void timeoutsWhileTheProviderAnswersOtherCallsDoNotOpenTheBreaker() {
        var calls = calls(Duration.ofSeconds(5), 10);

        for (int i = 0; i < 20; i++) {
            calls.call("slow " + i, timeout -> {
                // While this try waits, another call gets its answer: the provider is alive.
                assertThat(calls.call("quick", quick -> "answered")).contains("answered");
                throw new ProviderTimedOut("read timed out");
            });
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(tries("timeout-ours")).isEqualTo(20 * 5);
        assertThat(tries("timeout")).isZero();
    }

    @Test
    void timeoutsWhileNobodyIsAnsweredOpenTheBreaker() {
        var calls = calls(Duration.ofSeconds(5), 10);

        for (int i = 0; i < 3 && breaker.getState() == CircuitBreaker.State.CLOSED; i++) {
            calls.call("hanging " + i, timeout -> {
                throw new ProviderTimedOut("read timed out");
            });
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(tries("timeout")).isEqualTo(10);
        assertThat(tries("timeout-ours")).isZero();
    }

    @Test
    void timeoutsOfABurstThatNobodyWasAnsweredInAreForgivenWhenAnswersComeSoonAfter() {
        // Our process starved of CPU: every call of a burst times out together, then answers come.
        silenceBeforeBlame = Duration.ofSeconds(10);
        var calls = calls(Duration.ofSeconds(5), 10);
        for (int i = 0; i < 3; i++) {
            calls.call("starved " + i, timeout -> {
                throw new ProviderTimedOut("read timed out");
            });
        }
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();

        assertThat(calls.call("after the burst", timeout -> "answered")).contains("answered");

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(tries("timeout-ours")).isEqualTo(3 * 5);
    }

    @Test
    void timeoutsFollowedBySilenceAreBlamedOnceTheSilenceHasLasted() {
        silenceBeforeBlame = Duration.ofMillis(200);
        var calls = calls(Duration.ofSeconds(5), 10);

        for (int i = 0; i < 10 && breaker.getState() == CircuitBreaker.State.CLOSED; i++) {
            calls.call("hanging " + i, timeout -> {
                sleep(Duration.ofMillis(50));
                throw new ProviderTimedOut("read timed out");
            });
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(tries("timeout-ours")).isZero();
    }

    @Test
    void failedAnswersCountAgainstTheProviderEvenWhileOthersAreAnswered() {
        var calls = calls(Duration.ofSeconds(5), 10);

        for (int i = 0; i < 3 && breaker.getState() == CircuitBreaker.State.CLOSED; i++) {
            calls.call("failing " + i, timeout -> {
                calls.call("quick", quick -> "answered");
                throw new ProviderUnavailable("503 Service Unavailable");
            });
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(tries("failed")).isGreaterThanOrEqualTo(5);
    }

    @Test
    void callsBeyondTheBulkheadWaitForAPlaceAndAllGetTheirAnswer() throws Exception {
        var calls = calls(Duration.ofSeconds(5), 2);
        var inFlight = new AtomicInteger();
        var mostInFlight = new AtomicInteger();
        var requests = new ArrayList<Callable<Optional<String>>>();
        for (int i = 0; i < 12; i++) {
            requests.add(() -> calls.call("slow", timeout -> {
                mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                sleep(Duration.ofMillis(40));
                inFlight.decrementAndGet();
                return "answered";
            }));
        }

        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var answers = threads.invokeAll(requests).stream()
                    .map(ProviderCallsJudgingTest::get)
                    .toList();
            assertThat(answers).allSatisfy(answer -> assertThat(answer).contains("answered"));
        }

        assertThat(mostInFlight.get()).isEqualTo(2);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(calls.bulkhead().inFlight()).isZero();
    }

    @Test
    void aCallThatFindsNoPlaceBeforeItsDeadlineEndsWithoutBlamingTheProvider() throws Exception {
        var busy = calls(Duration.ofSeconds(5), 1);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var occupying = threads.submit(() -> busy.call("long", timeout -> {
                sleep(Duration.ofMillis(800));
                return "answered";
            }));
            while (busy.bulkhead().inFlight() == 0) {
                Thread.onSpinWait();
            }
            var impatient = new ProviderCalls(
                    breaker,
                    busy.bulkhead(),
                    new RetrySchedule(IntervalFunction.of(Duration.ofMillis(10)), Duration.ofMillis(50)),
                    Duration.ofMillis(300),
                    Duration.ofMillis(300),
                    5,
                    System::nanoTime,
                    Duration.ZERO,
                    new SimpleMeterRegistry());
            long started = System.nanoTime();

            var answer = impatient.call("short", timeout -> "never sent");

            assertThat(answer).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(450));
            assertThat(occupying.get()).contains("answered");
        }
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(busy.bulkhead().waiting()).isZero();
    }

    private double tries(String outcome) {
        var counter = meters.find("boxoffice.provider.tries")
                .tag("provider", "judged")
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
