package org.boxoffice.admission.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.boxoffice.admission.limits.Buckets.Take;
import org.boxoffice.identity.CurrentUser;
import org.boxoffice.platform.ClientAddresses;
import org.boxoffice.platform.Problems;
import org.boxoffice.platform.RateLimited;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every mutating request against its client address and its user, and logins and
 * registrations against their address too; past a limit, {@code 429 RATE_LIMITED} with {@code
 * Retry-After}; a request's limits are asked at once, and a refused one counts against none of
 * them. Runs after Spring Security (so the user is known) and before the idempotency
 * filter (order 0), so a refused request stores no key and touches no table. The payment
 * provider's webhook is signed and not limited.
 */
@Component
@Order(-10)
class RateLimitFilter extends OncePerRequestFilter {

    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String API = "/api/v1/";
    private static final String WEBHOOK = "/api/v1/payments/webhook";
    private static final String LOGIN = "/api/v1/auth/login";
    private static final String REGISTER = "/api/v1/auth/register";

    private final RateLimits limits;
    private final RateLimitSettings settings;
    private final ClientAddresses addresses;
    private final Problems problems;
    private final Limit perUser;
    private final Limit perAddress;
    private final Limit loginsPerAddress;
    private final Limit registrationsPerAddress;

    RateLimitFilter(RateLimits limits, RateLimitSettings settings, ClientAddresses addresses, Problems problems) {
        this.limits = limits;
        this.settings = settings;
        this.addresses = addresses;
        this.problems = problems;
        this.perUser = settings.userLimit();
        this.perAddress = settings.addressLimit();
        this.loginsPerAddress = settings.loginLimit();
        this.registrationsPerAddress = settings.registrationLimit();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = request.getRequestURI();
        return !settings.enabled()
                || !MUTATING.contains(request.getMethod())
                || !path.startsWith(API)
                || path.equals(WEBHOOK);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            limits.takeEach(takesOf(request));
        } catch (RateLimited refusal) {
            problems.write(response, refusal);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The limits one request counts against, all asked at once. */
    private List<Take> takesOf(HttpServletRequest request) {
        var address = addresses.of(request);
        var takes = new ArrayList<Take>(3);
        takes.add(new Take(perAddress, address));
        CurrentUser.id().ifPresent(user -> takes.add(new Take(perUser, user.toString())));
        switch (request.getRequestURI()) {
            case LOGIN -> takes.add(new Take(loginsPerAddress, address));
            case REGISTER -> takes.add(new Take(registrationsPerAddress, address));
            default -> {}
        }
        return takes;
    }
}
