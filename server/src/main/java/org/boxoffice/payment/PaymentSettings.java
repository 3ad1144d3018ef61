package org.boxoffice.payment;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param baseUrl the payment provider's API; unset: the in-process simulator
 * @param webhookSecret the HMAC-SHA256 secret the provider signs webhooks with; unset: generated
 *     once and kept in the data directory (the in-process simulator uses the same one)
 * @param deadline how long one charge, lookup or refund may take, all retries included
 * @param connectTimeout the limit for opening a connection to the provider
 * @param readTimeout the limit for one request's answer (shortened to what is left of the deadline)
 * @param retries the backoff between attempts
 * @param circuitBreaker when to stop calling a provider that keeps failing
 * @param reconciliation asking the provider about charges whose outcome is unknown
 */
@ConfigurationProperties("boxoffice.payment")
record PaymentSettings(
        @Nullable URI baseUrl,
        @Nullable String webhookSecret,
        @DefaultValue("10s") Duration deadline,
        @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("4s") Duration readTimeout,
        @DefaultValue Retries retries,
        @DefaultValue Breaker circuitBreaker,
        @DefaultValue Reconciliation reconciliation) {

    /**
     * @param initialBackoff the wait before the first retry
     * @param multiplier how much each further wait grows
     * @param maxBackoff the longest wait
     * @param jitter how far each wait strays at random from its nominal value (0.5: ±50%)
     * @param maxAttempts a cap on attempts, besides the deadline
     */
    record Retries(
            @DefaultValue("200ms") Duration initialBackoff,
            @DefaultValue("2") double multiplier,
            @DefaultValue("2s") Duration maxBackoff,
            @DefaultValue("0.5") double jitter,
            @DefaultValue("20") int maxAttempts) {}

    /**
     * @param failureRateThreshold the percentage of failed calls that opens the breaker
     * @param slidingWindowSize how many recent calls are counted
     * @param minimumNumberOfCalls how many calls must be counted before the breaker may open
     * @param openFor how long an open breaker refuses calls before it lets a few through
     * @param callsWhenHalfOpen how many trial calls decide whether it closes again
     */
    record Breaker(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("10") int minimumNumberOfCalls,
            @DefaultValue("5s") Duration openFor,
            @DefaultValue("3") int callsWhenHalfOpen) {}

    /**
     * @param interval how often unsettled attempts are looked for
     * @param recheckAfter how long to wait before asking the provider about an attempt again
     * @param lateArrivalGrace how long after the deadline a request may still reach the provider;
     *     only after it may "the provider never heard of it" be taken as "nothing was charged"
     * @param batchSize how many attempts one instance settles per round
     */
    record Reconciliation(
            @DefaultValue("10s") Duration interval,
            @DefaultValue("10s") Duration recheckAfter,
            @DefaultValue("5s") Duration lateArrivalGrace,
            @DefaultValue("50") int batchSize) {}
}
