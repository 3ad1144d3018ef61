package org.boxoffice.payment;

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
 * Calls the payment provider the careful way: each try bounded by the read timeout and by what is
 * left of one overall deadline, retried with jittered backoff while the provider gives no usable
 * answer, all behind one circuit breaker. The call itself decides what it sends, so a retry sends
 * the very same request, idempotency key included. An open breaker answers at once.
 */
final class ProviderCalls {

    private static final Logger log = LoggerFactory.getLogger(ProviderCalls.class);

    private final CircuitBreaker breaker;
    private final RetrySchedule schedule;
    private final Duration budget;
    private final Duration readTimeout;
    private final int maxAttempts;
    private final LongSupplier nanoTime;

    ProviderCalls(
            CircuitBreaker breaker,
            RetrySchedule schedule,
            Duration budget,
            Duration readTimeout,
            int maxAttempts,
            LongSupplier nanoTime) {
        this.breaker = breaker;
        this.schedule = schedule;
        this.budget = budget;
        this.readTimeout = readTimeout;
        this.maxAttempts = maxAttempts;
        this.nanoTime = nanoTime;
    }

    static ProviderCalls of(PaymentSettings settings) {
        var breaker = CircuitBreaker.of("payment-provider", breakerConfig(settings.circuitBreaker()));
        breaker.getEventPublisher()
                .onStateTransition(
                        event -> log.warn("Payment provider circuit breaker: {}", event.getStateTransition()));
        return new ProviderCalls(
                breaker,
                RetrySchedule.of(settings.retries()),
                settings.deadline(),
                settings.readTimeout(),
                settings.retries().maxAttempts(),
                System::nanoTime);
    }

    /**
     * Runs {@code call} (given the time one try may take) until it answers or the deadline
     * passes. Empty when no answer came: the outcome at the provider is then unknown.
     */
    <T> Optional<T> call(String operation, Function<Duration, T> call) {
        var deadline = Deadline.after(budget, nanoTime);
        var retry = Retry.of("payment-provider", this.<T>retryConfig(deadline));
        try {
            return Optional.of(
                    Retry.decorateSupplier(retry, () -> tryOnce(call, deadline)).get());
        } catch (ProviderUnavailable | DeadlinePassed e) {
            log.warn("Payment provider: no answer to {} within {}: {}", operation, budget, e.getMessage());
        } catch (CallNotPermittedException e) {
            log.warn("Payment provider: {} not sent, the circuit breaker is open", operation);
        } catch (ProviderRejected e) {
            log.error("Payment provider: {} refused: {}", operation, e.getMessage());
        }
        return Optional.empty();
    }

    CircuitBreaker breaker() {
        return breaker;
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

    private static CircuitBreakerConfig breakerConfig(PaymentSettings.Breaker settings) {
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
