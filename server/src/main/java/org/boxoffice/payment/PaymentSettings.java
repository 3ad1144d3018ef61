package org.boxoffice.payment;

import java.net.URI;
import java.time.Duration;
import org.boxoffice.platform.BulkheadSettings;
import org.boxoffice.platform.CircuitBreakerSettings;
import org.boxoffice.platform.RetrySettings;
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
 * @param retries the backoff between attempts ({@code boxoffice.payment.retries.*})
 * @param circuitBreaker when to stop calling a provider that keeps failing ({@code
 *     boxoffice.payment.circuit-breaker.*})
 * @param bulkhead how many calls to the provider may be in flight at once; the rest wait within
 *     their deadline ({@code boxoffice.payment.bulkhead.*})
 * @param reconciliation asking the provider about charges whose outcome is unknown
 */
@ConfigurationProperties("boxoffice.payment")
record PaymentSettings(
        @Nullable URI baseUrl,
        @Nullable String webhookSecret,
        @DefaultValue("10s") Duration deadline,
        @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("4s") Duration readTimeout,
        @DefaultValue RetrySettings retries,
        @DefaultValue CircuitBreakerSettings circuitBreaker,
        @DefaultValue BulkheadSettings bulkhead,
        @DefaultValue Reconciliation reconciliation) {

    /**
     * @param interval how often unsettled attempts are looked for
     * @param recheckAfter how long to wait before asking the provider about an attempt again
     * @param lateArrivalGrace how long after the deadline a request may still reach the provider;
     *     only after it may "the provider never heard of it" be taken as "nothing was charged"
     * @param batchSize how many attempts one instance settles per round
     */
    record Reconciliation(
            @DefaultValue("5s") Duration interval,
            @DefaultValue("10s") Duration recheckAfter,
            @DefaultValue("5s") Duration lateArrivalGrace,
            @DefaultValue("200") int batchSize) {}
}
