package org.boxoffice.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads every request body up front, refusing one over the limit with {@code 413
 * PAYLOAD_TOO_LARGE} before anything else sees it. The rest of the chain gets a request whose
 * body can be read again (idempotency keys hash it).
 *
 * <p>The filter runs inside the security chain, after the bearer token was checked and before
 * the route's roles are: the larger administrator limit applies only to a request whose token
 * was verified as an administrator's, on {@code /api/v1/admin/}. Anyone else, anonymous or not,
 * on any path, gets the small limit, so an unchecked caller never makes the server buffer more.
 * (It is not a servlet filter of its own: {@link Registration} keeps the container from running
 * it a second time, before security.)
 */
@Component
public class BodyLimitFilter extends OncePerRequestFilter {

    /** Administrators send large documents: 10,000 emails for tokens, quota seat lists. */
    private static final String ADMIN_PATHS = "/api/v1/admin/";

    private static final String ADMIN_ROLE = "ADMIN";

    private final int limit;
    private final int adminLimit;
    private final Problems problems;

    BodyLimitFilter(
            @Value("${boxoffice.http.max-body-size:64KB}") DataSize limit,
            @Value("${boxoffice.http.max-admin-body-size:8MB}") DataSize adminLimit,
            Problems problems) {
        this.limit = Math.toIntExact(limit.toBytes());
        this.adminLimit = Math.toIntExact(adminLimit.toBytes());
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int limit = limitFor(request);
        if (request.getContentLengthLong() > limit) {
            tooLarge(response, limit);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(limit + 1);
        if (body.length > limit) {
            tooLarge(response, limit);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** The administrator limit needs both an administrator's path and a verified administrator's token. */
    private int limitFor(HttpServletRequest request) {
        return request.getRequestURI().startsWith(ADMIN_PATHS) && request.isUserInRole(ADMIN_ROLE)
                ? adminLimit
                : this.limit;
    }

    private void tooLarge(HttpServletResponse response, int limit) throws IOException {
        response.setHeader("Connection", "close");
        problems.write(response, 413, "PAYLOAD_TOO_LARGE", "The request body is larger than " + limit + " bytes.");
    }

    /** The security chain runs the filter; the servlet container must not run it on its own. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<BodyLimitFilter> bodyLimitOnlyInsideTheSecurityChain(BodyLimitFilter filter) {
            var registration = new FilterRegistrationBean<>(filter);
            registration.setEnabled(false);
            return registration;
        }
    }
}
