package org.boxoffice.identity;

import java.time.Clock;
import java.util.List;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Signs access tokens: the subject is the user id, the {@code roles} claim their roles. */
@Component
class TokenIssuer {

    static final String ISSUER = "boxoffice";
    static final String ROLES_CLAIM = "roles";

    private final JwtEncoder encoder;
    private final IdentitySettings settings;
    private final Clock clock;

    TokenIssuer(JwtEncoder encoder, IdentitySettings settings, Clock clock) {
        this.encoder = encoder;
        this.settings = settings;
        this.clock = clock;
    }

    AccessToken issue(User user) {
        var now = clock.instant();
        var claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(user.id().toString())
                .issuedAt(now)
                .expiresAt(now.plus(settings.tokenTtl()))
                .claim("email", user.email())
                .claim(
                        ROLES_CLAIM,
                        List.copyOf(user.roles().stream().map(Role::name).toList()))
                .build();
        var header = JwsHeader.with(MacAlgorithm.HS256).build();
        var token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new AccessToken(token, "Bearer", settings.tokenTtl().toSeconds());
    }
}
