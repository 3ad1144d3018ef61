package org.boxoffice.identity;

import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/** The decoders' tests' validator: the production checks, on a clock the test moves. */
final class TokenChecks {

    private TokenChecks() {}

    static DelegatingOAuth2TokenValidator<Jwt> on(Clock clock) {
        var lifetime = new JwtTimestampValidator(Duration.ofSeconds(60));
        lifetime.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(lifetime, new JwtIssuerValidator(TokenIssuer.ISSUER));
    }
}
