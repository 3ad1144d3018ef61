package org.boxoffice.admission.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limits of API.md's Admission section. The client address's trusted proxies are under the
 * same prefix ({@code trusted-proxies}, read by {@code platform.ClientAddresses}).
 *
 * @param enabled false: nothing is limited
 * @param perUserRate mutating requests a second per user, on average
 * @param perUserBurst mutating requests a user may send at once
 * @param perAddressRate mutating requests a second per client address, on average
 * @param perAddressBurst mutating requests one address may send at once
 * @param loginFailuresPerEmail failed logins per email within {@code loginFailuresWindow}
 * @param loginFailuresWindow see {@code loginFailuresPerEmail}
 * @param loginAttemptsPerAddress logins, right or wrong, per address within {@code loginAttemptsWindow}
 * @param loginAttemptsWindow see {@code loginAttemptsPerAddress}
 * @param registrationsPerAddress registrations per address within {@code registrationsWindow}
 * @param registrationsWindow see {@code registrationsPerAddress}
 * @param redisRetryAfter after Redis failed, how long the limits are kept per instance before
 *     Redis is tried again (by one request)
 */
@ConfigurationProperties("boxoffice.rate-limit")
record RateLimitSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10") long perUserRate,
        @DefaultValue("20") long perUserBurst,
        @DefaultValue("200") long perAddressRate,
        @DefaultValue("400") long perAddressBurst,
        @DefaultValue("5") long loginFailuresPerEmail,
        @DefaultValue("15m") Duration loginFailuresWindow,
        @DefaultValue("30") long loginAttemptsPerAddress,
        @DefaultValue("1m") Duration loginAttemptsWindow,
        @DefaultValue("10") long registrationsPerAddress,
        @DefaultValue("1h") Duration registrationsWindow,
        @DefaultValue("1s") Duration redisRetryAfter) {

    Limit userLimit() {
        return new Limit("user", perUserBurst, perUserRate, Duration.ofSeconds(1));
    }

    Limit addressLimit() {
        return new Limit("address", perAddressBurst, perAddressRate, Duration.ofSeconds(1));
    }

    Limit failedLoginsPerEmail() {
        return Limit.quota("login-email", loginFailuresPerEmail, loginFailuresWindow);
    }

    Limit loginLimit() {
        return Limit.quota("login-address", loginAttemptsPerAddress, loginAttemptsWindow);
    }

    Limit registrationLimit() {
        return Limit.quota("register-address", registrationsPerAddress, registrationsWindow);
    }
}
