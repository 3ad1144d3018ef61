package org.boxoffice.platform.web;

/** The code of a failure that only has an HTTP status (framework and container errors). */
final class ErrorCodes {

    private ErrorCodes() {}

    static String forStatus(int status) {
        return switch (status) {
            case 400, 422 -> "VALIDATION";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 429 -> "RATE_LIMITED";
            case 503 -> "UNAVAILABLE";
            default -> status >= 500 ? "INTERNAL" : "BAD_REQUEST";
        };
    }
}
