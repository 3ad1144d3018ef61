package org.boxoffice.identity;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param tokenTtl how long an access token is good for
 * @param jwtSecret the HMAC key that signs tokens (at least 32 characters); when unset, one is
 *     generated once and kept in the data directory, so tokens survive a restart. Instances
 *     that share tokens must share this key (or the data directory)
 * @param passwordHashCost BCrypt's cost: 10 takes about 70 ms of one core here
 * @param passwordHashQueue how many logins and registrations may wait for a free core to hash
 *     their password (one hash per spare core runs at once); more are answered {@code 503
 *     OVERLOADED} at once
 * @param passwordHashRetryAfter the {@code Retry-After} of that answer
 * @param checkedTokens how many access tokens this instance remembers as genuine, so that their
 *     next requests skip the signature check (each a token string and its decoded claims; see {@link CheckedTokens})
 */
@ConfigurationProperties("boxoffice.identity")
record IdentitySettings(
        @DefaultValue("2h") Duration tokenTtl,
        @Nullable String jwtSecret,
        @DefaultValue("10") int passwordHashCost,
        @DefaultValue("16") int passwordHashQueue,
        @DefaultValue("1s") Duration passwordHashRetryAfter,
        @DefaultValue("10000") int checkedTokens) {}
