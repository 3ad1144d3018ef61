package org.boxoffice.platform;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What one provider's calls report, tagged {@code provider}: the bulkhead's calls in flight and
 * waiting, the breaker's state, and each try's outcome ({@code boxoffice.provider.tries}, tag
 * {@code outcome}). Timeouts the provider is blamed for ({@code timeout}) are counted apart from
 * those laid to our own overload ({@code timeout-ours}), which the breaker does not count.
 */
final class ProviderMeters {

    private final Counter answered;
    private final Counter failed;
    private final Counter timedOut;
    private final Counter timedOutOurs;
    private final Counter noPlaceInBulkhead;
    private final Counter notPermitted;

    ProviderMeters(String provider, Bulkhead bulkhead, CircuitBreaker breaker, MeterRegistry meters) {
        Gauge.builder("boxoffice.provider.bulkhead.in.flight", bulkhead, Bulkhead::inFlight)
                .description("Calls to the provider in flight now")
                .tag("provider", provider)
                .register(meters);
        Gauge.builder("boxoffice.provider.bulkhead.waiting", bulkhead, Bulkhead::waiting)
                .description("Calls waiting for a place in the provider's bulkhead")
                .tag("provider", provider)
                .register(meters);
        Gauge.builder("boxoffice.provider.breaker.open", breaker, ProviderMeters::openness)
                .description("1 while the provider's circuit breaker refuses calls, 0.5 half open, 0 closed")
                .tag("provider", provider)
                .register(meters);
        this.answered = tries(provider, "answered", meters);
        this.failed = tries(provider, "failed", meters);
        this.timedOut = tries(provider, "timeout", meters);
        this.timedOutOurs = tries(provider, "timeout-ours", meters);
        this.noPlaceInBulkhead = tries(provider, "no-place-in-bulkhead", meters);
        this.notPermitted = tries(provider, "breaker-open", meters);
    }

    void answered() {
        answered.increment();
    }

    void failed() {
        failed.increment();
    }

    void timedOut() {
        timedOut.increment();
    }

    void timedOutOnOurSide() {
        timedOutOurs.increment();
    }

    void noPlaceInBulkhead() {
        noPlaceInBulkhead.increment();
    }

    void notPermitted() {
        notPermitted.increment();
    }

    private static Counter tries(String provider, String outcome, MeterRegistry meters) {
        return Counter.builder("boxoffice.provider.tries")
                .description("Tries of provider calls by outcome")
                .tag("provider", provider)
                .tag("outcome", outcome)
                .register(meters);
    }

    private static double openness(CircuitBreaker breaker) {
        return switch (breaker.getState()) {
            case OPEN, FORCED_OPEN -> 1;
            case HALF_OPEN -> 0.5;
            default -> 0;
        };
    }
}
