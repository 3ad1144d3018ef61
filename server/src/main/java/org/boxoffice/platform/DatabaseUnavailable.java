package org.boxoffice.platform;

import java.time.Duration;
import java.util.Optional;

/** The database cannot be reached: {@code 503 DATABASE_UNAVAILABLE}, nothing changed. */
public class DatabaseUnavailable extends ApiException {

    private final Duration retryAfter;

    public DatabaseUnavailable(Duration retryAfter) {
        super(503, "DATABASE_UNAVAILABLE", "The database cannot be reached; please try again shortly.");
        this.retryAfter = retryAfter;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(retryAfter);
    }
}
