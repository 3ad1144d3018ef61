package org.boxoffice.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem documents with the stable {@code code} member, and writes them where
 * no Spring MVC handler is in play (servlet filters, security entry points).
 */
@Component
public class Problems {

    private static final String TYPE_BASE = "https://boxoffice.org/problems/";

    private final JsonMapper json;

    Problems(JsonMapper json) {
        this.json = json;
    }

    public static ProblemDetail problem(int status, String code, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setType(typeOf(code));
        problem.setProperty("code", code);
        return problem;
    }

    /** The value of a {@code Retry-After} header: whole seconds, at least one. */
    public static String retryAfter(Duration wait) {
        return Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000));
    }

    public static URI typeOf(String code) {
        return URI.create(TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** Writes a problem document straight to the servlet response. */
    public void write(HttpServletResponse response, int status, String code, String detail) throws IOException {
        write(response, problem(status, code, detail));
    }

    /** Writes the problem document of a refusal, with its {@code Retry-After} when it has one. */
    public void write(HttpServletResponse response, ApiException refusal) throws IOException {
        var problem = problem(refusal.status(), refusal.code(), refusal.getMessage());
        refusal.properties().forEach(problem::setProperty);
        refusal.retryAfter().ifPresent(wait -> response.setHeader("Retry-After", retryAfter(wait)));
        write(response, problem);
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), asMap(problem));
    }

    static Map<String, Object> asMap(ProblemDetail problem) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
