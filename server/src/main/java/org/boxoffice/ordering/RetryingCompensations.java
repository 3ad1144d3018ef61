package org.boxoffice.ordering;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tries again the cancellations at the airline or a partner that failed (the other side was
 * down), so that no reservation is left behind there. Claimed with {@code SKIP LOCKED}, so several
 * instances may run it at once; cancelling is idempotent at the other side.
 */
@Component
class RetryingCompensations {

    private static final Logger log = LoggerFactory.getLogger(RetryingCompensations.class);
    private static final Duration BACKOFF = Duration.ofSeconds(30);
    private static final int BATCH = 100;

    private final Compensations compensations;
    private final Confirmations confirmations;
    private final Clock clock;

    RetryingCompensations(Compensations compensations, Confirmations confirmations, Clock clock) {
        this.compensations = compensations;
        this.confirmations = confirmations;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${boxoffice.ordering.compensation-interval:10s}", initialDelayString = "10s")
    void retry() {
        for (var owed : compensations.claimDue(clock.instant(), BACKOFF, BATCH)) {
            var confirmedBy = java.util.Objects.requireNonNull(owed.confirmedBy());
            if (confirmations.tryUndo(owed.id(), owed.eventId(), confirmedBy)) {
                compensations.paid(owed.id());
                log.info("Cancelled order {} at the {} at last", owed.id(), confirmedBy);
            }
        }
    }
}
