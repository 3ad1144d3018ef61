package org.boxoffice.ordering;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.boxoffice.inventory.SeatsUnavailable;
import org.boxoffice.inventory.SoldOut;
import org.boxoffice.partner.Airline;
import org.boxoffice.platform.RequestKey;
import org.boxoffice.platform.RequestKeys;
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

    private final SaleTermsLookup eventTerms;
    private final HoldSteps holding;
    private final Confirmations confirmations;
    private final ConfirmingOrders confirming;
    private final GroupedHolds groups;
    private final SingleHolds alone;
    private final HoldShedding shedding;
    private final ShortZones shortZones;
    private final Airline airline;
    private final RequestKeys requestKeys;
    private final OrderViews views;
    private final HoldSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PlacingOrders(
            SaleTermsLookup eventTerms,
            HoldSteps holding,
            Confirmations confirmations,
            ConfirmingOrders confirming,
            GroupedHolds groups,
            SingleHolds alone,
            HoldShedding shedding,
            ShortZones shortZones,
            Airline airline,
            RequestKeys requestKeys,
            OrderViews views,
            HoldSettings settings,
            TransactionTemplate transaction,
            Clock clock) {
        this.eventTerms = eventTerms;
        this.holding = holding;
        this.confirmations = confirmations;
        this.confirming = confirming;
        this.groups = groups;
        this.alone = alone;
        this.shedding = shedding;
        this.shortZones = shortZones;
        this.airline = airline;
        this.requestKeys = requestKeys;
        this.views = views;
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Refusals before the hold changed nothing and claim no key; a hold decided in one
     * transaction claims and answers its key in it; one that asks a provider afterwards claims its
     * key apart, and the idempotency filter stores the answer.
     */
    OrderView place(UUID userId, OrderRequest request, @Nullable String admissionToken, @Nullable RequestKey key) {
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
            return settings.grouped()
                    ? groups.hold(userId, request, terms, key)
                    : holdAlone(userId, request, terms, now, key);
        }
        if (terms.isFlight() && !airline.acceptsCalls()) {
            // Its breaker is open: refused at once, before a ticket is taken or anything written.
            throw new Refusals.ProviderUnavailable("The airline");
        }
        var soldElsewhere = confirmations.soldElsewhere(terms);
        refuseSoldElsewhere(request, soldElsewhere);
        if (key != null) {
            requestKeys.claimApart(key);
        }
        var pending = transaction.execute(status -> holding.hold(userId, request, terms, now, soldElsewhere));
        return views.of(confirming.confirm(pending, terms));
    }

    /** The reference path: one transaction per hold, its key claimed and answered in it. */
    private OrderView holdAlone(
            UUID userId, OrderRequest request, SaleTerms terms, Instant now, @Nullable RequestKey key) {
        try {
            return alone.hold(userId, request, terms, now, key);
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
