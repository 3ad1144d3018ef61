package org.boxoffice.ordering;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.ordering.domain.Order;
import org.boxoffice.ordering.domain.OrderItem;
import org.boxoffice.partner.Airline;
import org.boxoffice.partner.AirlineOutcome;
import org.boxoffice.partner.PartnerHold;
import org.boxoffice.partner.PartnerVenues;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Talks to whoever outside must agree to a hold: the airline for flights, the venue's box-office
 * system for PARTNER events. The order id is the idempotency key of every such call, so a retry,
 * a compensation or a recovery all speak of the same reservation. Never call inside a
 * transaction: these calls take seconds.
 */
@Component
class Confirmations {

    private static final Logger log = LoggerFactory.getLogger(Confirmations.class);

    private final Airline airline;
    private final PartnerVenues partners;
    private final Catalog catalog;

    Confirmations(Airline airline, PartnerVenues partners, Catalog catalog) {
        this.airline = airline;
        this.partners = partners;
        this.catalog = catalog;
    }

    /** What the partner sold through its own channels, so that we do not offer it again. */
    Set<String> soldElsewhere(SaleTerms terms) {
        return terms.isPartnerOwned() ? partners.unavailableSeats(partnerOf(terms), terms.eventId()) : Set.of();
    }

    Outcome confirm(Order order, SaleTerms terms) {
        if (terms.isFlight()) {
            var ticketIds = order.items().stream().map(OrderItem::ticketId).toList();
            return switch (airline.reserve(order.eventId(), ticketIds, key(order.id()))) {
                case AirlineOutcome.Confirmed confirmed -> new Outcome.Confirmed();
                case AirlineOutcome.Refused refused -> new Outcome.Unavailable();
                case AirlineOutcome.Unavailable unavailable -> new Outcome.Unavailable();
            };
        }
        if (terms.isPartnerOwned()) {
            var seats = order.items().stream()
                    .map(OrderItem::seat)
                    .filter(Objects::nonNull)
                    .toList();
            return switch (partners.hold(partnerOf(terms), order.eventId(), seats, key(order.id()))) {
                case PartnerHold.Held held -> new Outcome.Confirmed();
                case PartnerHold.Taken taken -> new Outcome.Taken(taken.seats());
                case PartnerHold.Unavailable unavailable -> new Outcome.Unavailable();
            };
        }
        return new Outcome.Confirmed();
    }

    /**
     * One try at cancelling the other side's reservation of an order that ended without a sale;
     * true when it is gone. What is owed until then is {@link Compensating}'s to keep.
     */
    boolean tryUndo(UUID orderId, UUID eventId, ConfirmedBy confirmedBy) {
        return switch (confirmedBy) {
            case AIRLINE -> airline.cancel(key(orderId));
            case PARTNER ->
                catalog.partnerOf(eventId)
                        .map(partner -> partners.release(partner, eventId, key(orderId)))
                        .orElse(true);
        };
    }

    /** The order was paid: a partner hold becomes a sale at the partner. */
    void sold(UUID orderId, UUID eventId, @Nullable ConfirmedBy confirmedBy) {
        if (confirmedBy == ConfirmedBy.PARTNER) {
            var partner = catalog.partnerOf(eventId);
            if (partner.isPresent() && !partners.confirm(partner.get(), eventId, key(orderId))) {
                log.warn("The partner did not confirm the sale of order {}", orderId);
            }
        }
    }

    static @Nullable ConfirmedBy of(SaleTerms terms) {
        if (terms.isFlight()) {
            return ConfirmedBy.AIRLINE;
        }
        return terms.isPartnerOwned() ? ConfirmedBy.PARTNER : null;
    }

    private static java.net.URI partnerOf(SaleTerms terms) {
        return Objects.requireNonNull(terms.partner());
    }

    private static String key(UUID orderId) {
        return orderId.toString();
    }

    /** What the outside party said to a hold. */
    sealed interface Outcome {
        record Confirmed() implements Outcome {}

        record Taken(List<String> seats) implements Outcome {}

        record Unavailable() implements Outcome {}
    }
}
