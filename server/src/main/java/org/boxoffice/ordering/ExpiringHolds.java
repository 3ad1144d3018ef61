package org.boxoffice.ordering;

import java.time.Clock;
import java.util.List;
import org.boxoffice.inventory.TicketHolds;
import org.boxoffice.platform.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes lapsed holds durable: every second, orders past their time become EXPIRED and their
 * tickets AVAILABLE, in batches claimed with {@code SKIP LOCKED}, so any number of instances can
 * sweep at once. Readers never wait for this: a lapsed hold already reads as expired.
 */
@Component
class ExpiringHolds {

    private static final Logger log = LoggerFactory.getLogger(ExpiringHolds.class);
    static final int BATCH = 500;

    private final Orders orders;
    private final TicketHolds holds;
    private final Outbox outbox;
    private final Compensating compensating;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ExpiringHolds(
            Orders orders,
            TicketHolds holds,
            Outbox outbox,
            Compensating compensating,
            TransactionTemplate transaction,
            Clock clock) {
        this.orders = orders;
        this.holds = holds;
        this.outbox = outbox;
        this.compensating = compensating;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${boxoffice.ordering.sweep-interval:1s}", initialDelayString = "1s")
    void sweep() {
        List<Orders.EndedOrder> expired;
        do {
            expired = expireBatch();
            // After the commit, in the background: the airline or partner is told, slowly.
            compensating.tryNow(expired);
        } while (expired.size() == BATCH);
    }

    /**
     * Expires one batch in one transaction, with the cancellations it leaves owed at the airline
     * or partners; returns the orders it expired.
     */
    List<Orders.EndedOrder> expireBatch() {
        var lapsed = transaction.execute(status -> {
            var batch = orders.expireLapsed(clock.instant(), BATCH);
            holds.releaseAll(batch.stream().map(Orders.EndedOrder::id).toList());
            batch.forEach(order -> outbox.append("order", order.id(), "OrderExpired", order));
            batch.forEach(compensating::owe);
            return batch;
        });
        if (lapsed == null) {
            return List.of();
        }
        if (!lapsed.isEmpty()) {
            log.debug("Expired {} lapsed holds", lapsed.size());
        }
        return lapsed;
    }
}
