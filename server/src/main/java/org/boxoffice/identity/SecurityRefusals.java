package org.boxoffice.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.boxoffice.platform.Problems;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** Missing or bad token: {@code 401 UNAUTHORIZED}; a valid token without the role: {@code 403 FORBIDDEN}. */
final class SecurityRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final Problems problems;

    SecurityRefusals(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        problems.write(response, 401, "UNAUTHORIZED", "A valid bearer token is needed.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        problems.write(response, 403, "FORBIDDEN", "Your role does not allow this.");
    }
}
