package org.boxoffice.platform;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls one external provider the careful way: each try bounded by the read timeout and by what
 * is left of one overall deadline, retried with jittered backoff while the provider gives no
 * usable answer ({@link ProviderUnavailable}), all behind the provider's own circuit breaker. The
 * call itself decides what it sends, so a retry sends the very same request, idempotency key
 * included. An open breaker answers at once. The time spent is added to {@link ProviderTime}.
 */
public final class ProviderCalls {

    private static final Logger log = LoggerFactory.getLogger(ProviderCalls.class);

    private final String provider;
    private final CircuitBreaker breaker;
    private final RetrySchedule schedule;
    private final Duration budget;
    private final Duration readTimeout;
    private final int maxAttempts;
    private final LongSupplier nanoTime;

    public ProviderCalls(
            CircuitBreaker breaker,
            RetrySchedule schedule,
            Duration budget,
            Duration readTimeout,
            int maxAttempts,
            LongSupplier nanoTime) {
        this.provider = breaker.getName();
        this.breaker = breaker;
        this.schedule = schedule;
        this.budget = budget;
        this.readTimeout = readTimeout;
        this.maxAttempts = maxAttempts;
        this.nanoTime = nanoTime;
    }

    /**
     * Calls to one provider with its own circuit breaker.
     *
     * @param provider names the provider in logs and names its breaker ({@code payment-provider})
     * @param deadline how long one operation may take, all retries included
     * @param readTimeout the limit for one try (shortened to what is left of the deadline)
     */
    public static ProviderCalls of(
            String provider,
            Duration deadline,
            Duration readTimeout,
            RetrySettings retries,
            CircuitBreakerSettings circuitBreaker) {
        var breaker = CircuitBreaker.of(provider, breakerConfig(circuitBreaker));
        breaker.getEventPublisher()
                .onStateTransition(
                        event -> log.warn("Circuit breaker of {}: {}", provider, event.getStateTransition()));
        return new ProviderCalls(
                breaker, RetrySchedule.of(retries), deadline, readTimeout, retries.maxAttempts(), System::nanoTime);
    }

    /**
     * Runs {@code call} (given the time one try may take) until it answers or the deadline
     * passes. Empty when no answer came: the outcome at the provider is then unknown.
     */
    public <T> Optional<T> call(String operation, Function<Duration, T> call) {
        long started = nanoTime.getAsLong();
        try {
            return callWithinDeadline(operation, call);
        } finally {
            ProviderTime.add(Duration.ofNanos(nanoTime.getAsLong() - started));
        }
    }

    /** The provider's breaker, for health reports and for tests that open or reset it. */
    public CircuitBreaker breaker() {
        return breaker;
    }

    /** How long one operation may take, all retries included. */
    public Duration deadline() {
        return budget;
    }

    private <T> Optional<T> callWithinDeadline(String operation, Function<Duration, T> call) {
        var deadline = Deadline.after(budget, nanoTime);
        var retry = Retry.of(provider, this.<T>retryConfig(deadline));
        try {
            return Optional.of(
                    Retry.decorateSupplier(retry, () -> tryOnce(call, deadline)).get());
        } catch (ProviderUnavailable | DeadlinePassed e) {
            log.warn("{}: no answer to {} within {}: {}", provider, operation, budget, e.getMessage());
        } catch (CallNotPermittedException e) {
            log.warn("{}: {} not sent, the circuit breaker is open", provider, operation);
        } catch (ProviderRejected e) {
            log.error("{}: {} refused: {}", provider, operation, e.getMessage());
        }
        return Optional.empty();
    }

    private <T> T tryOnce(Function<Duration, T> call, Deadline deadline) {
        var timeout = schedule.nextCall(readTimeout, deadline.remaining()).orElseThrow(DeadlinePassed::new);
        return breaker.executeSupplier(() -> call.apply(timeout));
    }

    private <T> RetryConfig retryConfig(Deadline deadline) {
        return RetryConfig.<T>custom()
                .maxAttempts(maxAttempts)
                .retryOnException(e -> e instanceof ProviderUnavailable)
                .intervalBiFunction((retry, outcome) ->
                        schedule.waitBefore(retry, deadline.remaining()).toMillis())
                .build();
    }

    private static CircuitBreakerConfig breakerConfig(CircuitBreakerSettings settings) {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(settings.callsWhenHalfOpen())
                .recordException(e -> e instanceof ProviderUnavailable)
                .ignoreExceptions(ProviderRejected.class)
                .build();
    }

    /** Too little of the deadline is left for another try. */
    static final class DeadlinePassed extends RuntimeException {

        DeadlinePassed() {
            super("the deadline has passed");
        }
    }
}
