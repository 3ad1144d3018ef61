package org.boxoffice.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When to stop calling a provider that keeps failing, as the {@code circuit-breaker} part of a
 * feature's settings ({@code boxoffice.payment.circuit-breaker.*}, …). Each provider has its own
 * breaker: an airline outage must not stop payments.
 *
 * @param failureRateThreshold the percentage of failed calls that opens the breaker
 * @param slidingWindowSize how many recent calls are counted
 * @param minimumNumberOfCalls how many calls must be counted before the breaker may open
 * @param openFor how long an open breaker refuses calls before it lets a few through
 * @param callsWhenHalfOpen how many trial calls decide whether it closes again
 * @param silenceBeforeBlame how long the provider must answer nobody after a call timed out before
 *     the timeout counts against it: when our own process is starved, a whole burst of calls times
 *     out together and the answers come a moment later (see {@code ProviderLiveness})
 */
public record CircuitBreakerSettings(
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("20") int slidingWindowSize,
        @DefaultValue("10") int minimumNumberOfCalls,
        @DefaultValue("5s") Duration openFor,
        @DefaultValue("3") int callsWhenHalfOpen,
        @DefaultValue("10s") Duration silenceBeforeBlame) {}
