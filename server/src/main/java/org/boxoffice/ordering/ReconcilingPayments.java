package org.boxoffice.ordering;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The safety net under payment announcements: orders whose payment has been under way for longer
 * than any pay request lasts are settled from what the payment module recorded. Settling is
 * idempotent (conditional updates), so several instances may run this at once.
 */
@Component
class ReconcilingPayments {

    private static final Logger log = LoggerFactory.getLogger(ReconcilingPayments.class);

    /** Longer than a pay request may take (the provider deadline plus recording). */
    static final Duration SETTLE_AFTER = Duration.ofSeconds(30);

    private static final int BATCH = 200;

    private final Orders orders;
    private final SettlingPayments settling;
    private final Clock clock;

    ReconcilingPayments(Orders orders, SettlingPayments settling, Clock clock) {
        this.orders = orders;
        this.settling = settling;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${boxoffice.ordering.payment-reconciliation-interval:5s}", initialDelayString = "5s")
    void reconcile() {
        for (var orderId : orders.payingSince(clock.instant().minus(SETTLE_AFTER), BATCH)) {
            try {
                settling.reconcile(orderId);
            } catch (RuntimeException e) {
                log.warn("Could not settle the payment of order {}; trying again later", orderId, e);
            }
        }
    }
}
