package org.boxoffice.platform;

import java.time.Duration;
import java.util.Optional;

/**
 * The server is short of something it needs for this request (a database connection, time for a
 * statement, room in a queue): {@code 503 OVERLOADED}, worth trying again after {@code Retry-After}.
 */
public class Overloaded extends ApiException {

    private static final Duration SOON = Duration.ofSeconds(1);

    private final Duration retryAfter;

    public Overloaded(String detail) {
        this(detail, SOON);
    }

    public Overloaded(String detail, Duration retryAfter) {
        super(503, "OVERLOADED", detail);
        this.retryAfter = retryAfter;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(retryAfter);
    }
}
