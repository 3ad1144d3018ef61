package org.boxoffice.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.spec.SecretKeySpec;
import org.boxoffice.testing.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

class SignedTokensTest {

    private static final SecretKeySpec KEY = new SecretKeySpec(
            "a key of at least thirty-two bytes, for HS256".getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    private static final SecretKeySpec OTHER_KEY = new SecretKeySpec(
            "another key of at least thirty-two bytes, for HS256".getBytes(StandardCharsets.UTF_8), "HmacSHA256");

    private final MovableClock clock = new MovableClock();
    private final DelegatingOAuth2TokenValidator<Jwt> validator = TokenChecks.on(clock);
    private final NimbusJwtDecoder nimbus = SecurityConfiguration.nimbusDecoder(KEY, validator);
    private final AtomicInteger fallbacks = new AtomicInteger();
    private final SignedTokens tokens = new SignedTokens(KEY, validator, token -> {
        fallbacks.incrementAndGet();
        return nimbus.decode(token);
    });

    @Test
    void anIssuedTokenDecodesToWhatNimbusGivesWithoutAskingIt() {
        var user = new User(UUID.randomUUID(), "buyer@example.com", "A buyer", null, Set.of(Role.USER, Role.STAFF));
        var token = issued(user, KEY);

        var ours = tokens.decode(token);
        var theirs = nimbus.decode(token);

        assertThat(fallbacks).hasValue(0);
        assertThat(ours.getClaims()).isEqualTo(theirs.getClaims());
        assertThat(ours.getHeaders()).isEqualTo(theirs.getHeaders());
        assertThat(ours.getSubject()).isEqualTo(user.id().toString());
        assertThat(ours.getExpiresAt()).isEqualTo(theirs.getExpiresAt());
        assertThat(ours.getClaimAsStringList(TokenIssuer.ROLES_CLAIM)).containsExactlyInAnyOrder("USER", "STAFF");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefusedByTheFallback() {
        var token = issued(traveler(), OTHER_KEY);

        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtException.class);
        assertThat(fallbacks).hasValue(1);
    }

    @Test
    void aTokenWithChangedClaimsIsRefusedByTheFallback() {
        var token = issued(traveler(), KEY);
        var parts = token.split("\\.");
        var forged = parts[0] + "." + encoded("{\"sub\":\"" + UUID.randomUUID() + "\",\"iss\":\"boxoffice\"}") + "."
                + parts[2];

        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
        assertThat(fallbacks).hasValue(1);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        var unsigned = encoded("{\"alg\":\"none\"}") + "."
                + encoded("{\"sub\":\"" + UUID.randomUUID() + "\",\"iss\":\"boxoffice\"}") + ".";

        assertThatThrownBy(() -> tokens.decode(unsigned)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(SignedTokens.HEADER + "..")).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode("not a token")).isInstanceOf(JwtException.class);
    }

    @Test
    void aLapsedTokenIsRefusedAsNimbusRefusesIt() {
        var token = issued(traveler(), KEY);
        clock.advance(Duration.ofHours(3));

        assertThatThrownBy(() -> tokens.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(fallbacks).hasValue(1);
    }

    @Test
    void aGenuineTokenOfAnotherShapeIsLeftToTheFallback() {
        var header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
        var claims = JwtClaimsSet.builder()
                .issuer(TokenIssuer.ISSUER)
                .subject(UUID.randomUUID().toString())
                .audience(List.of("boxoffice"))
                .expiresAt(clock.instant().plusSeconds(60))
                .build();
        var token = new NimbusJwtEncoder(new ImmutableSecret<>(KEY))
                .encode(JwtEncoderParameters.from(header, claims))
                .getTokenValue();

        assertThat(tokens.decode(token).getSubject()).isEqualTo(claims.getSubject());
        assertThat(fallbacks).hasValue(1);
    }

    private String issued(User user, SecretKeySpec key) {
        var settings = new IdentitySettings(Duration.ofHours(2), null, 10, 16, Duration.ofSeconds(1), 100);
        return new TokenIssuer(new NimbusJwtEncoder(new ImmutableSecret<>(key)), settings, clock)
                .issue(user)
                .accessToken();
    }

    private static User traveler() {
        return new User(UUID.randomUUID(), "traveler@example.com", "A traveler", null, Set.of(Role.USER));
    }

    private static String encoded(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
