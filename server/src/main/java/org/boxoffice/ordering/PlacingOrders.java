package org.boxoffice.ordering;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.boxoffice.inventory.SeatsUnavailable;
import org.boxoffice.inventory.SoldOut;
import org.boxoffice.ordering.domain.Order;
import org.boxoffice.partner.Airline;
import org.jspecify.annotations.Nullable;
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
    private final HoldQueues groups;
    private final HoldShedding shedding;
    private final ShortZones shortZones;
    private final Airline airline;
    private final HoldSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PlacingOrders(
            EventTerms eventTerms,
            HoldingTickets holding,
            Confirmations confirmations,
            ConfirmingOrders confirming,
            HoldQueues groups,
            HoldShedding shedding,
            ShortZones shortZones,
            Airline airline,
            HoldSettings settings,
            TransactionTemplate transaction,
            Clock clock) {
        this.eventTerms = eventTerms;
        this.holding = holding;
        this.confirmations = confirmations;
        this.confirming = confirming;
        this.groups = groups;
        this.shedding = shedding;
        this.shortZones = shortZones;
        this.airline = airline;
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock;
    }

    Order place(UUID userId, OrderRequest request, @Nullable String admissionToken) {
        var terms = eventTerms.forAdmittedBuyer(request.eventId(), userId, admissionToken);
        var now = clock.instant();
        terms.requireOnSale(now);
        if (request.zone() != null) {
            terms.priceOf(request.zone());
            shortZones.refuseIfShort(terms.eventId(), request.zone(), request.ticketCount());
        }
        if (!terms.needsConfirmation()) {
            if (terms.behindWaitingRoom()) {
                shedding.brakeAdmissionsIfBehind(terms.eventId());
            }
            return settings.grouped() ? groups.hold(userId, request, terms) : holdAlone(userId, request, terms, now);
        }
        if (terms.isFlight() && !airline.acceptsCalls()) {
            // Its breaker is open: refused at once, before a ticket is taken or anything written.
            throw new Refusals.ProviderUnavailable("The airline");
        }
        var soldElsewhere = confirmations.soldElsewhere(terms);
        refuseSoldElsewhere(request, soldElsewhere);
        var pending = transaction.execute(status -> holding.hold(userId, request, terms, now, soldElsewhere));
        return confirming.confirm(pending, terms);
    }

    /** The reference path: one transaction per hold. */
    private Order holdAlone(UUID userId, OrderRequest request, SaleTerms terms, Instant now) {
        try {
            return transaction.execute(status -> holding.hold(userId, request, terms, now, Set.of()));
        } catch (SoldOut e) {
            // All this path knows: fewer tickets were left than were asked for.
            shortZones.remember(terms.eventId(), Objects.requireNonNull(request.zone()), request.ticketCount() - 1);
            throw e;
        }
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
