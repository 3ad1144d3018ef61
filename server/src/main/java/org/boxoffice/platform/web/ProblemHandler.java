package org.boxoffice.platform.web;

import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import org.boxoffice.platform.ApiException;
import org.boxoffice.platform.DatabaseTrouble;
import org.boxoffice.platform.Problems;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into a problem document with a {@code code}. Input that cannot be read is
 * {@code 400 VALIDATION}; input that reads but breaks a rule is {@code 422 VALIDATION}. Nothing
 * a client sends leads to a 500.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final DatabaseTrouble databaseTrouble;

    ProblemHandler(DatabaseTrouble databaseTrouble) {
        this.databaseTrouble = databaseTrouble;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> refused(ApiException refusal) {
        var problem = Problems.problem(refusal.status(), refusal.code(), refusal.getMessage());
        refusal.properties().forEach(problem::setProperty);
        var answer = ResponseEntity.status(refusal.status());
        refusal.retryAfter().ifPresent(wait -> answer.header(HttpHeaders.RETRY_AFTER, Problems.retryAfter(wait)));
        return answer.body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        var detail = "'" + e.getValue() + "' is not a valid value for " + e.getName();
        return ResponseEntity.badRequest().body(Problems.problem(400, "VALIDATION", detail));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolated(ConstraintViolationException e) {
        var errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage()))
                .toList();
        return ResponseEntity.unprocessableContent().body(invalid(errors));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        var trouble = databaseTrouble.refusalFor(e);
        if (trouble.isPresent()) {
            log.warn("A request failed on the database: {}", e.toString());
            return refused(trouble.get());
        }
        log.error("Unexpected failure", e);
        return ResponseEntity.internalServerError()
                .body(Problems.problem(500, "INTERNAL", "Something went wrong on our side."));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = e.getBindingResult().getAllErrors().stream()
                .map(error -> Map.of(
                        "field",
                        error instanceof FieldError field ? field.getField() : error.getObjectName(),
                        "message",
                        String.valueOf(error.getDefaultMessage())))
                .toList();
        return ResponseEntity.unprocessableContent().body(invalid(errors));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> Map.of(
                                "field", fieldOf(result, error), "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        return ResponseEntity.unprocessableContent().body(invalid(errors));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = Problems.problem(400, "VALIDATION", UnreadableBody.describe(e));
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = body instanceof ProblemDetail detail ? detail : ProblemDetail.forStatus(status);
        var code = ErrorCodes.forStatus(status.value());
        problem.setType(Problems.typeOf(code));
        problem.setProperty("code", code);
        return super.handleExceptionInternal(e, problem, headers, status, request);
    }

    /** A body's field by its name, a request parameter or header by the method parameter's. */
    private static String fieldOf(ParameterValidationResult result, MessageSourceResolvable error) {
        if (error instanceof FieldError field) {
            return field.getField();
        }
        var name = result.getMethodParameter().getParameterName();
        return name == null ? "parameter " + result.getMethodParameter().getParameterIndex() : name;
    }

    private static ProblemDetail invalid(List<? extends Map<String, String>> errors) {
        var problem = Problems.problem(422, "VALIDATION", "The request breaks a rule: see errors.");
        problem.setProperty("errors", errors);
        return problem;
    }
}
