package org.boxoffice.platform;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A refusal the API names: an HTTP status and a stable upper-case {@code code}. Each feature
 * declares one subclass per refusal; one handler turns them into problem documents.
 */
public abstract class ApiException extends RuntimeException {

    private final int status;
    private final String code;

    protected ApiException(int status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Extra members of the problem document, such as {@code unavailableSeats}. */
    public Map<String, Object> properties() {
        return Map.of();
    }

    /** How long the client should wait before trying again ({@code Retry-After}), when it is worth it. */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }
}
