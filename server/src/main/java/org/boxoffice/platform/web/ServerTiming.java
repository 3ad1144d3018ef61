package org.boxoffice.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import org.boxoffice.platform.ProviderTime;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Tells clients where the time of a request went: {@code Server-Timing: app;dur=12.3,
 * provider;dur=1534.2} (milliseconds), {@code provider} being the time spent waiting for the
 * payment provider, airline or partner, and {@code app} the rest. Load tests use it to show the
 * server's own cost above the providers' latency.
 */
final class ServerTiming {

    static final String HEADER = "Server-Timing";
    private static final String STARTED = ServerTiming.class.getName() + ".started";

    private ServerTiming() {}

    static String header(Duration total, Duration provider) {
        var app = total.minus(provider).isNegative() ? Duration.ZERO : total.minus(provider);
        return String.format(Locale.ROOT, "app;dur=%.1f, provider;dur=%.1f", millis(app), millis(provider));
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1_000_000.0;
    }

    /** Notes when the request started and starts its provider time afresh. */
    @org.springframework.stereotype.Component
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    static class Start extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            request.setAttribute(STARTED, System.nanoTime());
            ProviderTime.reset();
            try {
                chain.doFilter(request, response);
            } finally {
                ProviderTime.reset();
            }
        }
    }

    /** Adds the header just before a body is written, when the handler's work is done. */
    @RestControllerAdvice
    static class Report implements ResponseBodyAdvice<Object> {

        @Override
        public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
            return true;
        }

        @Override
        public @Nullable Object beforeBodyWrite(
                @Nullable Object body,
                MethodParameter returnType,
                MediaType contentType,
                Class<? extends HttpMessageConverter<?>> converterType,
                ServerHttpRequest request,
                ServerHttpResponse response) {
            if (request instanceof ServletServerHttpRequest servlet
                    && servlet.getServletRequest().getAttribute(STARTED) instanceof Long started) {
                var total = Duration.ofNanos(System.nanoTime() - started);
                response.getHeaders().set(HEADER, header(total, ProviderTime.ofThisRequest()));
            }
            return body;
        }
    }
}
