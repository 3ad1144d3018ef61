package org.boxoffice.partner;

import java.net.URI;
import java.time.Duration;
import org.boxoffice.platform.BulkheadSettings;
import org.boxoffice.platform.CircuitBreakerSettings;
import org.boxoffice.platform.RetrySettings;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param baseUrl the airline's API, whose reservations are at {@code /reservations} below it;
 *     unset: the in-process simulator
 * @param deadline how long one reservation, cancellation or lookup may take, all retries and
 *     waiting for a place in the bulkhead included: 20 s, so that an airline that takes up to 3 s
 *     and fails a fifth of its answers gets enough tries while a crowd of holds queues for it
 *     (with 10 s, one hold in eight failed in the noisy-neighbour drill)
 * @param connectTimeout the limit for opening a connection to the airline
 * @param readTimeout the limit for one request's answer (shortened to what is left of the
 *     deadline); the airline takes up to 3 seconds when it is well
 * @param retries the backoff between attempts ({@code boxoffice.airline.retries.*})
 * @param circuitBreaker when to stop calling an airline that keeps failing ({@code
 *     boxoffice.airline.circuit-breaker.*})
 * @param bulkhead how many calls to the airline may be in flight at once; the rest wait within
 *     their deadline ({@code boxoffice.airline.bulkhead.*})
 */
@ConfigurationProperties("boxoffice.airline")
record AirlineSettings(
        @Nullable URI baseUrl,
        @DefaultValue("20s") Duration deadline,
        @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("4s") Duration readTimeout,
        @DefaultValue RetrySettings retries,
        @DefaultValue CircuitBreakerSettings circuitBreaker,
        @DefaultValue BulkheadSettings bulkhead) {}
