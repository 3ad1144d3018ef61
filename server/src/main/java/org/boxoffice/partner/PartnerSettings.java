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
 * @param simulatorUrl where an event's partner URL on the host {@code
 *     partner-simulator.boxoffice.internal} points (its path, the venue key, is kept); unset: the
 *     in-process simulator's partner venues. Other partner URLs are called as they are
 * @param deadline how long one seat query, hold, confirmation or release may take, all retries
 *     included
 * @param cacheTtl how long a partner's list of unavailable seats is reused for an event
 * @param connectTimeout the limit for opening a connection to a partner
 * @param readTimeout the limit for one request's answer (shortened to what is left of the deadline)
 * @param retries the backoff between attempts ({@code boxoffice.partner.retries.*})
 * @param circuitBreaker when to stop calling a partner venue that keeps failing, each venue on its
 *     own ({@code boxoffice.partner.circuit-breaker.*})
 * @param bulkhead how many calls to one partner venue may be in flight at once; the rest wait
 *     within their deadline ({@code boxoffice.partner.bulkhead.*})
 */
@ConfigurationProperties("boxoffice.partner")
record PartnerSettings(
        @Nullable URI simulatorUrl,
        @DefaultValue("3s") Duration deadline,
        @DefaultValue("1s") Duration cacheTtl,
        @DefaultValue("500ms") Duration connectTimeout,
        @DefaultValue("1s") Duration readTimeout,
        @DefaultValue RetrySettings retries,
        @DefaultValue CircuitBreakerSettings circuitBreaker,
        @DefaultValue BulkheadSettings bulkhead) {}
