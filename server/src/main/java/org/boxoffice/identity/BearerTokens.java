package org.boxoffice.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * Checks a request's bearer token outside Spring Security's filter chain, for the few requests
 * answered before it (a waiting room's polls): with the chain's own decoder, so the same
 * header rules ({@link BearerHeader}) and the same signature, issuer and lifetime checks.
 */
@Component
public class BearerTokens {

    private final JwtDecoder decoder;

    BearerTokens(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    /** The user whose valid access token the request carries; empty for none or a bad one. */
    public Optional<UUID> userOf(HttpServletRequest request) {
        var header = request.getHeader(HttpHeaders.AUTHORIZATION);
        var token = header == null ? null : BearerHeader.tokenOf(header);
        if (token == null) {
            return Optional.empty();
        }
        try {
            var subject = decoder.decode(token).getSubject();
            return subject == null ? Optional.empty() : Optional.of(UUID.fromString(subject));
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
