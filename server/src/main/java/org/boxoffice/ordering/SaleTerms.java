package org.boxoffice.ordering;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.boxoffice.catalog.EventKind;
import org.boxoffice.catalog.EventStatus;
import org.boxoffice.catalog.InventoryMode;
import org.boxoffice.catalog.SaleConditions;
import org.boxoffice.platform.InvalidInput;
import org.boxoffice.platform.Money;
import org.jspecify.annotations.Nullable;

/** What ordering needs to know of an event to take an order for it, read from the catalog. */
record SaleTerms(
        UUID eventId,
        EventKind kind,
        EventStatus status,
        Instant startsAt,
        Instant saleStartsAt,
        Instant saleEndsAt,
        Duration holdTime,
        int maxTicketsPerUser,
        int maxActiveOrdersPerUser,
        Duration refundCutoff,
        @Nullable String limitGroup,
        Map<String, Money> priceByZone,
        InventoryMode inventoryMode,
        @Nullable URI partner,
        boolean behindWaitingRoom) {

    static SaleTerms of(SaleConditions event) {
        var rules = event.rules();
        return new SaleTerms(
                event.eventId(),
                event.kind(),
                event.status(),
                event.startsAt(),
                event.saleStartsAt(),
                event.saleEndsAt(),
                Duration.ofSeconds(rules.holdTtlSeconds()),
                rules.maxTicketsPerUser(),
                rules.maxActiveOrdersPerUser(),
                Duration.ofHours(rules.refundCutoffHours()),
                rules.limitGroup(),
                event.prices(),
                event.inventory(),
                event.partner(),
                rules.waitingRoom().enabled());
    }

    /** Orders are taken while the event is on sale and inside its sale window. */
    void requireOnSale(Instant now) {
        if (status == EventStatus.ON_SALE && now.isBefore(saleStartsAt)) {
            throw new Refusals.SaleNotOpen();
        }
        if (status != EventStatus.ON_SALE || !now.isBefore(saleEndsAt)) {
            throw new Refusals.SaleClosed();
        }
    }

    Money priceOf(String zone) {
        var price = priceByZone.get(zone);
        if (price == null) {
            throw new InvalidInput("The event has no zone " + zone + ".");
        }
        return price;
    }

    boolean isActivity() {
        return kind == EventKind.ACTIVITY;
    }

    /** Flights are confirmed by the airline's reservation system. */
    boolean isFlight() {
        return kind == EventKind.FLIGHT;
    }

    /** The partner's system owns the seats: it must agree to every hold. */
    boolean isPartnerOwned() {
        return inventoryMode == InventoryMode.PARTNER && partner != null;
    }

    /** A hold stands only once someone outside (the airline, the partner) has agreed to it. */
    boolean needsConfirmation() {
        return isFlight() || isPartnerOwned();
    }
}
