package org.boxoffice.ordering;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.boxoffice.inventory.SeatsUnavailable;
import org.boxoffice.ordering.domain.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Placing an order: read the event's terms, hold the tickets in one short transaction, and, when
 * the airline or the venue's partner system must agree, ask them afterwards with no transaction
 * open.
 */
@Component
class PlacingOrders {

    private final EventTerms eventTerms;
    private final HoldingTickets holding;
    private final Confirmations confirmations;
    private final ConfirmingOrders confirming;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PlacingOrders(
            EventTerms eventTerms,
            HoldingTickets holding,
            Confirmations confirmations,
            ConfirmingOrders confirming,
            TransactionTemplate transaction,
            Clock clock) {
        this.eventTerms = eventTerms;
        this.holding = holding;
        this.confirmations = confirmations;
        this.confirming = confirming;
        this.transaction = transaction;
        this.clock = clock;
    }

    Order place(UUID userId, OrderRequest request) {
        var terms = eventTerms.forBuyer(request.eventId(), userId);
        var now = clock.instant();
        terms.requireOnSale(now);
        if (request.zone() != null) {
            terms.priceOf(request.zone());
        }
        if (!terms.needsConfirmation()) {
            return transaction.execute(status -> holding.hold(userId, request, terms, now, Set.of()));
        }
        var soldElsewhere = confirmations.soldElsewhere(terms);
        refuseSoldElsewhere(request, soldElsewhere);
        var pending = transaction.execute(status -> holding.hold(userId, request, terms, now, soldElsewhere));
        return confirming.confirm(pending, terms);
    }

    private static void refuseSoldElsewhere(OrderRequest request, Set<String> soldElsewhere) {
        if (request.seats() == null) {
            return;
        }
        var taken = request.seats().stream().filter(soldElsewhere::contains).toList();
        if (!taken.isEmpty()) {
            throw new SeatsUnavailable(taken);
        }
    }
}
