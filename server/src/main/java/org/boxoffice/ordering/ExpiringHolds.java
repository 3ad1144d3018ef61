package org.boxoffice.ordering;

import java.time.Clock;
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
    private final Confirmations confirmations;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ExpiringHolds(
            Orders orders,
            TicketHolds holds,
            Outbox outbox,
            Confirmations confirmations,
            TransactionTemplate transaction,
            Clock clock) {
        this.orders = orders;
        this.holds = holds;
        this.outbox = outbox;
        this.confirmations = confirmations;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${boxoffice.ordering.sweep-interval:1s}", initialDelayString = "1s")
    void sweep() {
        int expired;
        do {
            expired = expireBatch();
        } while (expired == BATCH);
    }

    /** Expires one batch; returns how many orders it expired. */
    int expireBatch() {
        var lapsed = transaction.execute(status -> {
            var batch = orders.expireLapsed(clock.instant(), BATCH);
            holds.releaseAll(batch.stream().map(Orders.EndedOrder::id).toList());
            batch.forEach(order -> outbox.append("order", order.id(), "OrderExpired", order));
            return batch;
        });
        if (lapsed == null || lapsed.isEmpty()) {
            return 0;
        }
        log.debug("Expired {} lapsed holds", lapsed.size());
        // After the commit: the airline or partner is told, slowly, with no transaction open.
        lapsed.forEach(order -> confirmations.undo(order.id(), order.eventId(), order.confirmedBy()));
        return lapsed.size();
    }
}
