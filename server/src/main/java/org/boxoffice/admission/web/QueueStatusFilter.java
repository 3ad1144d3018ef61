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
import org.boxoffice.platform.Problems;
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
 * own work (a token check and one Redis script). A poll with a valid token is answered here, with
 * the controller's body and the chain's security headers, and its refusals (another user's place,
 * Redis unreachable) with the same problem documents as everywhere else, so a place the waiting
 * room lost costs its 100,000 owners one Redis script each, not two. A request without a valid
 * token, or whose path is not a poll's, goes on down the usual way. Polls still count in {@code
 * http.server.requests} under their route.
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
    private final Problems problems;

    QueueStatusFilter(WaitingRoom waitingRoom, BearerTokens bearerTokens, JsonMapper json, Problems problems) {
        this.waitingRoom = waitingRoom;
        this.bearerTokens = bearerTokens;
        this.json = json;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/v1/events/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var poll = ownersPoll(request);
        if (poll == null) {
            chain.doFilter(request, response);
            return;
        }
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(ROUTE));
        SECURITY_HEADERS.forEach(writer -> writer.writeHeaders(request, response));
        QueueStatus status;
        try {
            status = waitingRoom.status(poll.user(), poll.eventId(), poll.queueId());
        } catch (ApiException refusal) {
            problems.write(response, refusal);
            return;
        }
        if (AdmissionController.closesConnection(status)) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
        }
        var body = json.writeValueAsBytes(status);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private record Poll(UUID user, UUID eventId, UUID queueId) {}

    /** The poll this request is, when it is one with a valid token; else null. */
    private @Nullable Poll ownersPoll(HttpServletRequest request) {
        var path = PATH.matcher(request.getRequestURI());
        if (!path.matches()) {
            return null;
        }
        var user = bearerTokens.userOf(request);
        if (user.isEmpty()) {
            return null;
        }
        try {
            return new Poll(user.get(), UUID.fromString(path.group(1)), UUID.fromString(path.group(2)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
