package org.boxoffice.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.boxoffice.platform.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads every request body up front, refusing one over the limit with {@code 413
 * PAYLOAD_TOO_LARGE} before anything else sees it. The rest of the chain gets a request whose
 * body can be read again (idempotency keys hash it).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodyLimitFilter extends OncePerRequestFilter {

    /** Administrators send large documents: 10,000 emails for tokens, quota seat lists. */
    private static final String ADMIN_PATHS = "/api/v1/admin/";

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
        int limit = request.getRequestURI().startsWith(ADMIN_PATHS) ? adminLimit : this.limit;
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

    private void tooLarge(HttpServletResponse response, int limit) throws IOException {
        response.setHeader("Connection", "close");
        problems.write(response, 413, "PAYLOAD_TOO_LARGE", "The request body is larger than " + limit + " bytes.");
    }
}
