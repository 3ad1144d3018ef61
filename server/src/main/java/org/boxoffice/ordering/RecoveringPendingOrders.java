package org.boxoffice.ordering;

import java.time.Clock;
import java.time.Duration;
import org.boxoffice.inventory.TicketHolds;
import org.boxoffice.platform.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles orders left PENDING by a server that stopped while the airline or partner was being
 * asked: long after any such call has ended, the order FAILS, its tickets come back, and the
 * reservation the other side may hold is cancelled (by the order id, the key of every call).
 * Claimed in {@code SKIP LOCKED} batches, so several instances may run it at once.
 */
@Component
class RecoveringPendingOrders {

    private static final Logger log = LoggerFactory.getLogger(RecoveringPendingOrders.class);

    /** Far longer than any confirmation may take (its deadline is seconds). */
    static final Duration STALE_AFTER = Duration.ofMinutes(1);

    private static final int BATCH = 100;

    private final Orders orders;
    private final TicketHolds holds;
    private final Compensating compensating;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RecoveringPendingOrders(
            Orders orders,
            TicketHolds holds,
            Compensating compensating,
            Outbox outbox,
            TransactionTemplate transaction,
            Clock clock) {
        this.orders = orders;
        this.holds = holds;
        this.compensating = compensating;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${boxoffice.ordering.recovery-interval:5s}", initialDelayString = "5s")
    void recover() {
        var abandoned = transaction.execute(status -> {
            var batch = orders.failStalePending(clock.instant().minus(STALE_AFTER), BATCH);
            holds.releaseAll(batch.stream().map(Orders.EndedOrder::id).toList());
            batch.forEach(order -> outbox.append("order", order.id(), "OrderFailed", order));
            batch.forEach(compensating::owe);
            return batch;
        });
        if (abandoned == null || abandoned.isEmpty()) {
            return;
        }
        log.warn("Failed {} orders left pending by a stopped server", abandoned.size());
        compensating.tryNow(abandoned);
    }
}
