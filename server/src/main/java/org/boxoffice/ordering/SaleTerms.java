package org.boxoffice.ordering;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.boxoffice.catalog.EventKind;
import org.boxoffice.catalog.EventStatus;
import org.boxoffice.catalog.InventoryMode;
import org.boxoffice.catalog.SaleConditions;
import org.boxoffice.platform.InvalidInput;
import org.boxoffice.platform.Money;
import org.jspecify.annotations.Nullable;

/**
 * An event's sale conditions (the catalog's {@link SaleConditions}) in ordering's words: hold time,
 * refund cutoff and limits as durations and counts, the event's kind as the path its holds take.
 * A view of the catalog's record, not a copy of its fields.
 */
record SaleTerms(SaleConditions event) {

    UUID eventId() {
        return event.eventId();
    }

    Instant startsAt() {
        return event.startsAt();
    }

    /** How long a hold keeps its tickets before it lapses. */
    Duration holdTime() {
        return Duration.ofSeconds(event.rules().holdTtlSeconds());
    }

    int maxTicketsPerUser() {
        return event.rules().maxTicketsPerUser();
    }

    int maxActiveOrdersPerUser() {
        return event.rules().maxActiveOrdersPerUser();
    }

    /** How long before the event's start a paid order can still be cancelled and refunded. */
    Duration refundCutoff() {
        return Duration.ofHours(event.rules().refundCutoffHours());
    }

    /** Events whose per-user limits count together (the flights of one route), or null. */
    @Nullable
    String limitGroup() {
        return event.rules().limitGroup();
    }

    @Nullable
    URI partner() {
        return event.partner();
    }

    boolean behindWaitingRoom() {
        return event.rules().waitingRoom().enabled();
    }

    /** Orders are taken while the event is on sale and inside its sale window. */
    void requireOnSale(Instant now) {
        var status = event.status();
        if (status == EventStatus.ON_SALE && now.isBefore(event.saleStartsAt())) {
            throw new Refusals.SaleNotOpen();
        }
        if (status != EventStatus.ON_SALE || !now.isBefore(event.saleEndsAt())) {
            throw new Refusals.SaleClosed();
        }
    }

    Money priceOf(String zone) {
        var price = event.prices().get(zone);
        if (price == null) {
            throw new InvalidInput("The event has no zone " + zone + ".");
        }
        return price;
    }

    boolean isActivity() {
        return event.kind() == EventKind.ACTIVITY;
    }

    /** Flights are confirmed by the airline's reservation system. */
    boolean isFlight() {
        return event.kind() == EventKind.FLIGHT;
    }

    /** The partner's system owns the seats: it must agree to every hold. */
    boolean isPartnerOwned() {
        return event.inventory() == InventoryMode.PARTNER && event.partner() != null;
    }

    /** A hold stands only once someone outside (the airline, the partner) has agreed to it. */
    boolean needsConfirmation() {
        return isFlight() || isPartnerOwned();
    }
}
