package org.boxoffice.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.boxoffice.platform.DataDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * The bearer token of a metrics scraper: not a signed access token but a long random secret,
 * which grants {@code ROLE_METRICS} and nothing else (the actuator's metrics, never the API).
 * Any other bearer token is left to the access-token check.
 */
final class MetricsScrapeToken implements AuthenticationProvider {

    static final String FILE = "metrics-scrape-token";
    static final String ROLE = "METRICS";
    private static final int MINIMUM_LENGTH = 32;

    private final byte[] token;

    private MetricsScrapeToken(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    static MetricsScrapeToken of(MetricsScrapeSettings settings, DataDirectory dataDirectory) {
        var token = settings.scrapeToken() != null
                ? settings.scrapeToken().strip()
                : dataDirectory.secret(FILE, MetricsScrapeToken::generate);
        if (token.length() < MINIMUM_LENGTH) {
            throw new IllegalStateException("boxoffice.metrics.scrape-token needs at least 32 characters");
        }
        return new MetricsScrapeToken(token);
    }

    @Override
    public @Nullable Authentication authenticate(Authentication authentication) {
        var offered = ((BearerTokenAuthenticationToken) authentication).getToken();
        if (!MessageDigest.isEqual(token, offered.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return new Scraper();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String generate() {
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A scraper, authenticated by the token: no user, only the metrics role. */
    private static final class Scraper extends AbstractAuthenticationToken {

        Scraper() {
            super(List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return "metrics-scraper";
        }
    }
}
