package org.boxoffice.ordering;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.boxoffice.platform.BackgroundCalls;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The safety net under payment announcements: orders whose payment has been under way for longer
 * than any pay request lasts are settled from what the payment module recorded. Each round claims
 * its orders ({@code SKIP LOCKED}, then left alone for {@link #RECHECK_AFTER}), so instances
 * share the work instead of repeating it; settling is idempotent (conditional updates) all the
 * same. Each order is settled in the background: a late payment's refund or a partner's sale
 * confirmation is a provider call.
 */
@Component
class ReconcilingPayments {

    /** Longer than a pay request may take (the provider deadline plus recording). */
    static final Duration SETTLE_AFTER = Duration.ofSeconds(30);

    static final Duration RECHECK_AFTER = Duration.ofSeconds(30);
    private static final int BATCH = 200;

    private final Orders orders;
    private final SettlingPayments settling;
    private final BackgroundCalls background;
    private final Clock clock;

    ReconcilingPayments(Orders orders, SettlingPayments settling, BackgroundCalls background, Clock clock) {
        this.orders = orders;
        this.settling = settling;
        this.background = background;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${boxoffice.ordering.payment-reconciliation-interval:5s}", initialDelayString = "5s")
    void reconcile() {
        claim().forEach(orderId -> background.start("settle-" + orderId, () -> settling.reconcile(orderId)));
    }

    /** The orders this round settles; another instance's round gets others. */
    List<UUID> claim() {
        var now = clock.instant();
        return orders.claimPayingSince(now.minus(SETTLE_AFTER), now, now.plus(RECHECK_AFTER), BATCH);
    }
}
