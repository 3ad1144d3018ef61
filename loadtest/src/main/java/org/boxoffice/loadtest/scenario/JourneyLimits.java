package org.boxoffice.loadtest.scenario;

import java.time.Duration;

/**
 * How patient one traveler is. Every loop in a journey is bounded by one of these, so a
 * misbehaving server slows the run down but never hangs it.
 *
 * @param maxFlights flights a traveler tries before giving up on {@code 409 SOLD_OUT}
 * @param maxProviderRetries new hold attempts after {@code 503 PROVIDER_UNAVAILABLE}
 * @param maxDeclineRetries new payment attempts after {@code 402 PAYMENT_DECLINED}
 * @param maxResends resends of one attempt (same idempotency key) after a network error or 5xx
 * @param backoff the first retry delay; it doubles per retry up to {@code maxBackoff}
 * @param pendingTimeout how long a traveler polls an order whose outcome is not known yet
 * @param cancelRatio share of travelers who cancel their paid order (0.1 = 10%)
 */
record JourneyLimits(
        int maxFlights,
        int maxProviderRetries,
        int maxDeclineRetries,
        int maxResends,
        Duration backoff,
        Duration maxBackoff,
        Duration pollInterval,
        Duration pendingTimeout,
        double cancelRatio) {}
