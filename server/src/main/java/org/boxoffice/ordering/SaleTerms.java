package org.boxoffice.ordering;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.boxoffice.catalog.EventDetail;
import org.boxoffice.catalog.EventKind;
import org.boxoffice.catalog.EventStatus;
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
        Map<String, Money> priceByZone) {

    static SaleTerms of(EventDetail event) {
        var rules = event.rules();
        return new SaleTerms(
                event.id(),
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
                event.zones().stream().collect(Collectors.toMap(EventDetail.Zone::code, EventDetail.Zone::price)));
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
}
