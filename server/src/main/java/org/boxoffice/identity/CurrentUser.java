package org.boxoffice.identity;

import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who is calling: read from the bearer token that Spring Security has already checked. */
public final class CurrentUser {

    private CurrentUser() {}

    /** The caller's user id, or empty for an anonymous request. */
    public static Optional<UUID> id() {
        return token().map(jwt -> UUID.fromString(jwt.getName()));
    }

    /** The caller's id; for endpoints that Spring Security already restricts to users. */
    public static UUID require() {
        return id().orElseThrow(() -> new IllegalStateException("No authenticated user"));
    }

    /** The caller's email as the token names it, for logs; empty for an anonymous request. */
    public static Optional<String> email() {
        return token().map(jwt -> jwt.getToken().getClaimAsString("email"));
    }

    public static boolean hasRole(Role role) {
        return token().map(jwt -> hasAuthority(jwt, "ROLE_" + role.name())).orElse(false);
    }

    public static boolean isAdmin() {
        return hasRole(Role.ADMIN);
    }

    private static boolean hasAuthority(Authentication authentication, String authority) {
        return authentication.getAuthorities().stream().anyMatch(granted -> authority.equals(granted.getAuthority()));
    }

    private static Optional<JwtAuthenticationToken> token() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt
                ? Optional.of(jwt)
                : Optional.empty();
    }
}
