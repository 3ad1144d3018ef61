package org.boxoffice.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A trace id for every request, in every log line written while it runs (MDC {@code traceId}):
 * the caller's, from a W3C {@code traceparent} header, so that a request can be followed from the
 * load balancer through the logs of every instance; otherwise a random one. Micrometer Tracing
 * (Brave) did the same with a span per request, and cost 12% of the cheapest request's rate and a
 * third of a waiting-room poll's (loadtest/poll-cost, docs/benchmarks.md) without a tracing
 * backend to send spans to.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
final class TraceIds extends OncePerRequestFilter {

    static final String KEY = "traceId";
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final String NO_TRACE = "0".repeat(32);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        MDC.put(KEY, traceIdOf(request.getHeader("traceparent")));
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(KEY);
        }
    }

    static String traceIdOf(@Nullable String traceparent) {
        if (traceparent != null) {
            var matched = TRACEPARENT.matcher(traceparent.strip());
            if (matched.matches() && !matched.group(1).equals(NO_TRACE)) {
                return matched.group(1);
            }
        }
        var random = ThreadLocalRandom.current();
        return HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
    }
}
