package org.boxoffice.platform.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.boxoffice.platform.DatabaseTrouble;
import org.boxoffice.platform.Problems;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside Spring MVC (by the servlet container, for example a malformed URL, or a
 * servlet filter that failed) end up here; they too get a problem document with a code. A filter
 * that failed on the database gets the same {@code 503} as a controller would.
 */
@Hidden // The container's error page, not an endpoint of the API.
@RestController
class ErrorEndpoint implements ErrorController {

    private final DatabaseTrouble databaseTrouble;

    ErrorEndpoint(DatabaseTrouble databaseTrouble) {
        this.databaseTrouble = databaseTrouble;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            var trouble = databaseTrouble.refusalFor(failure);
            if (trouble.isPresent()) {
                var refusal = trouble.get();
                var answer = ResponseEntity.status(refusal.status());
                refusal.retryAfter()
                        .ifPresent(wait -> answer.header(HttpHeaders.RETRY_AFTER, Problems.retryAfter(wait)));
                return answer.body(Problems.problem(refusal.status(), refusal.code(), refusal.getMessage()));
            }
        }
        var statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = statusAttribute instanceof Integer code && code >= 400 ? code : 500;
        var detail = status >= 500 ? "Something went wrong on our side." : "The request cannot be served.";
        return ResponseEntity.status(status).body(Problems.problem(status, ErrorCodes.forStatus(status), detail));
    }
}
