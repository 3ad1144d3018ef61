package org.boxoffice.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/** A token is taken only from our issuer, even when signed with our key. */
@BoxofficeIT
class TokenIssuerIT {

    @LocalServerPort
    int port;

    @Autowired
    JwtEncoder encoder;

    @Autowired
    Accounts accounts;

    @Test
    void aTokenOfOurIssuerIsTakenAndOneOfAnotherIsNot() {
        var email = "issuer-" + UUID.randomUUID() + "@example.org";
        accounts.addTravelers(List.of(email), List.of("Issuer"));
        var userId = Api.at(port)
                .as(accounts.tokenFor(email))
                .get("/api/v1/me")
                .json()
                .get("id")
                .asString();

        var ours = Api.at(port).as(token(TokenIssuer.ISSUER, userId)).get("/api/v1/me");
        var theirs = Api.at(port).as(token("someone-else", userId)).get("/api/v1/me");

        assertThat(ours.status()).as(ours.body()).isEqualTo(200);
        assertThat(theirs.status()).isEqualTo(401);
    }

    private String token(String issuer, String subject) {
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(subject)
                .issuedAt(now)
                .expiresAt(now.plusSeconds(300))
                .claim(TokenIssuer.ROLES_CLAIM, List.of("USER"))
                .build();
        return encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }
}
