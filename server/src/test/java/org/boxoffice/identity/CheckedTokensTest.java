package org.boxoffice.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.spec.SecretKeySpec;
import org.boxoffice.testing.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

class CheckedTokensTest {

    private static final SecretKeySpec KEY = new SecretKeySpec(
            "a key of at least thirty-two bytes, for HS256".getBytes(StandardCharsets.UTF_8), "HmacSHA256");

    private final MovableClock clock = new MovableClock();
    private final AtomicInteger signatureChecks = new AtomicInteger();
    private final CheckedTokens tokens = checkedTokens();

    @Test
    void aTokenSeenBeforeIsNotCheckedAgain() {
        var token = token("a buyer", Duration.ofHours(2));

        var first = tokens.decode(token);
        var second = tokens.decode(token);

        assertThat(second.getSubject()).isEqualTo("a buyer");
        assertThat(second).isSameAs(first);
        assertThat(signatureChecks).hasValue(1);
    }

    @Test
    void aRememberedTokenThatLapsedIsRefusedAsBefore() {
        var token = token("a buyer", Duration.ofMinutes(5));
        tokens.decode(token);

        clock.advance(Duration.ofMinutes(7));

        assertThatThrownBy(() -> tokens.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void aForgedTokenIsNeverRemembered() {
        var token = token("a buyer", Duration.ofHours(2));
        tokens.decode(token);
        var payload = token.split("\\.")[1];
        var forged = token.replace(payload, payload.substring(0, payload.length() - 2) + "xx");

        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
        assertThat(signatureChecks).hasValue(3);
    }

    private CheckedTokens checkedTokens() {
        return new CheckedTokens(countingDecoder(), validator(), 100, Duration.ofHours(2));
    }

    private JwtDecoder countingDecoder() {
        var nimbus = SecurityConfiguration.nimbusDecoder(KEY, validator());
        return token -> {
            signatureChecks.incrementAndGet();
            return nimbus.decode(token);
        };
    }

    private DelegatingOAuth2TokenValidator<Jwt> validator() {
        return TokenChecks.on(clock);
    }

    private String token(String subject, Duration lifetime) {
        Instant now = clock.instant();
        var claims = JwtClaimsSet.builder()
                .issuer(TokenIssuer.ISSUER)
                .subject(subject)
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .build();
        var encoder = new NimbusJwtEncoder(new ImmutableSecret<>(KEY));
        return encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }
}
