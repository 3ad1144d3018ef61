package org.boxoffice.admission.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.boxoffice.admission.QueueStatus;
import org.boxoffice.admission.WaitingRoom;
import org.boxoffice.identity.BearerTokens;
import org.boxoffice.platform.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request a waiting crowd sends most, {@code GET /api/v1/events/{eventId}/queue/{queueId}},
 * answered before Spring Security's filter chain and Spring MVC, which cost three times the poll's
 * own work (a token check and one Redis script): a poll by the place's owner with a valid token is
 * answered here, with the controller's body and the chain's security headers. Anything else (no
 * token or a bad one, another user's place, Redis unreachable) goes on down the usual way, which
 * answers it like every other request. Polls still count in {@code http.server.requests} under
 * their route.
 */
@Component
@Order(QueueStatusFilter.ORDER)
class QueueStatusFilter extends OncePerRequestFilter {

    /** After the observation and timing filters, before Spring Security's chain (-100). */
    static final int ORDER = -150;

    static final String ROUTE = "/api/v1/events/{eventId}/queue/{queueId}";

    private static final Pattern PATH = Pattern.compile("/api/v1/events/([0-9a-fA-F-]{36})/queue/([0-9a-fA-F-]{36})");

    /** Spring Security's default headers, in its order. */
    private static final List<HeaderWriter> SECURITY_HEADERS = List.of(
            new XContentTypeOptionsHeaderWriter(),
            new XXssProtectionHeaderWriter(),
            new CacheControlHeadersWriter(),
            new HstsHeaderWriter(),
            new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY));

    private final WaitingRoom waitingRoom;
    private final BearerTokens bearerTokens;
    private final JsonMapper json;

    QueueStatusFilter(WaitingRoom waitingRoom, BearerTokens bearerTokens, JsonMapper json) {
        this.waitingRoom = waitingRoom;
        this.bearerTokens = bearerTokens;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/v1/events/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var status = answered(request);
        if (status == null) {
            chain.doFilter(request, response);
            return;
        }
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(ROUTE));
        SECURITY_HEADERS.forEach(writer -> writer.writeHeaders(request, response));
        if (status.pollAfterSeconds() >= AdmissionController.CLOSE_WHEN_POLLING_AFTER_SECONDS) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
        }
        var body = json.writeValueAsBytes(status);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The place's status when this is its owner's poll and it can be answered; else null. */
    private @Nullable QueueStatus answered(HttpServletRequest request) {
        var path = PATH.matcher(request.getRequestURI());
        if (!path.matches()) {
            return null;
        }
        var user = bearerTokens.userOf(request);
        if (user.isEmpty()) {
            return null;
        }
        try {
            return waitingRoom.status(user.get(), UUID.fromString(path.group(1)), UUID.fromString(path.group(2)));
        } catch (ApiException | IllegalArgumentException e) {
            return null;
        }
    }
}
