package org.boxoffice.inventory;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Fresh planner statistics for a new event's ticket partition once its tickets are committed:
 * until then the planner knows nothing of tens of thousands of new rows, and the first holds of a
 * new event ran ten times slower (seen in the flash-sale load test). Runs after the commit, on a
 * thread of its own; nobody waits for it.
 */
@Component
class TicketStatistics {

    private final Tickets tickets;

    TicketStatistics(Tickets tickets) {
        this.tickets = tickets;
    }

    @Async
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(TicketsCreated created) {
        tickets.analyze(created.eventId());
    }
}
