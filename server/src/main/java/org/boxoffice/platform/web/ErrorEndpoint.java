package org.boxoffice.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.boxoffice.platform.Problems;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside Spring MVC (by the servlet container, for example a malformed URL)
 * end up here; they too get a problem document with a code.
 */
@RestController
class ErrorEndpoint implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        var statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = statusAttribute instanceof Integer code && code >= 400 ? code : 500;
        var detail = status >= 500 ? "Something went wrong on our side." : "The request cannot be served.";
        return ResponseEntity.status(status).body(Problems.problem(status, ErrorCodes.forStatus(status), detail));
    }
}
