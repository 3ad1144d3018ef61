package org.boxoffice.ordering;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.boxoffice.platform.BackgroundCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Cancels what the airline or a partner still holds for orders that ended without a sale. The
 * debt is {@linkplain #owe recorded} in the transaction that ends the order; right after the
 * commit one try is {@linkplain #tryNow started} in the background, and what is still owed is
 * tried again by {@link #retryDue} with a doubling backoff until the other side confirms.
 * Claimed with {@code SKIP LOCKED}, so any number of instances may retry at once; cancelling is
 * idempotent at the other side. The backlog is the gauge {@code boxoffice.compensations.owed}.
 */
@Component
class Compensating {

    private static final Logger log = LoggerFactory.getLogger(Compensating.class);
    /** Longer than one cancel may take with its retries: the first try is the background one's. */
    static final Duration FIRST_RETRY_AFTER = Duration.ofSeconds(30);

    static final Duration BACKOFF = Duration.ofSeconds(15);
    static final Duration LONGEST_BACKOFF = Duration.ofMinutes(10);
    private static final int BATCH = 100;

    private final Compensations compensations;
    private final Confirmations confirmations;
    private final BackgroundCalls background;
    private final Clock clock;

    Compensating(
            Compensations compensations,
            Confirmations confirmations,
            BackgroundCalls background,
            Clock clock,
            MeterRegistry meters) {
        this.compensations = compensations;
        this.confirmations = confirmations;
        this.background = background;
        this.clock = clock;
        Gauge.builder("boxoffice.compensations.owed", this, Compensating::owedOrUnknown)
                .description("Cancellations at the airline or partners not yet confirmed")
                .register(meters);
    }

    /** Records what the ended order leaves owed; call inside the transaction that ends it. */
    void owe(Orders.EndedOrder ended) {
        if (ended.confirmedBy() != null) {
            var now = clock.instant();
            compensations.owe(ended.id(), ended.eventId(), ended.confirmedBy(), now, now.plus(FIRST_RETRY_AFTER));
        }
    }

    /** After the commit: one try for each debt, in the background. */
    void tryNow(List<Orders.EndedOrder> ended) {
        ended.stream().filter(order -> order.confirmedBy() != null).forEach(this::tryInBackground);
    }

    @Scheduled(fixedDelayString = "${boxoffice.ordering.compensation-interval:10s}", initialDelayString = "10s")
    void retryDue() {
        compensations.claimDue(clock.instant(), BACKOFF, LONGEST_BACKOFF, BATCH).forEach(this::tryInBackground);
    }

    private void tryInBackground(Orders.EndedOrder owed) {
        background.start("cancel-" + owed.id(), () -> pay(owed));
    }

    private void pay(Orders.EndedOrder owed) {
        var confirmedBy = Objects.requireNonNull(owed.confirmedBy());
        if (confirmations.tryUndo(owed.id(), owed.eventId(), confirmedBy)) {
            compensations.paid(owed.id());
            log.debug("Cancelled order {} at the {}", owed.id(), confirmedBy);
        } else {
            log.info("The {} did not confirm cancelling order {}; trying again later", confirmedBy, owed.id());
        }
    }

    private double owedOrUnknown() {
        try {
            return compensations.outstanding();
        } catch (DataAccessException e) {
            return Double.NaN;
        }
    }
}
