package org.boxoffice.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a provider call is retried, as the {@code retries} part of a feature's settings
 * ({@code boxoffice.payment.retries.*}, {@code boxoffice.airline.retries.*}, …).
 *
 * @param initialBackoff the wait before the first retry
 * @param multiplier how much each further wait grows
 * @param maxBackoff the longest wait
 * @param jitter how far each wait strays at random from its nominal value (0.5: ±50%)
 * @param maxAttempts a cap on attempts, besides the deadline
 */
public record RetrySettings(
        @DefaultValue("200ms") Duration initialBackoff,
        @DefaultValue("2") double multiplier,
        @DefaultValue("2s") Duration maxBackoff,
        @DefaultValue("0.5") double jitter,
        @DefaultValue("20") int maxAttempts) {}
