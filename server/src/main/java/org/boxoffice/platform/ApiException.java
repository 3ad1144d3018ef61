package org.boxoffice.platform;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A refusal the API names: an HTTP status and a stable upper-case {@code code}. Each feature
 * declares one subclass per refusal; one handler turns them into problem documents. A refusal is
 * an answer, not a fault: it carries no stack trace (a sold-out crowd makes thousands a second).
 */
public abstract class ApiException extends RuntimeException {

    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(2);

    private final int status;
    private final String code;

    protected ApiException(int status, String code, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /**
     * When the client may try again, sent as {@code Retry-After}. Every {@code 503} has one (API.md):
     * by default a couple of seconds, long enough for a breaker's trial calls or a provider's blip.
     */
    public Optional<Duration> retryAfter() {
        return status == 503 ? Optional.of(DEFAULT_RETRY_AFTER) : Optional.empty();
    }

    /** Extra members of the problem document, such as {@code unavailableSeats}. */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
