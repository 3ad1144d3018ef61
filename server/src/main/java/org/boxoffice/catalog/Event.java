package org.boxoffice.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An event as the catalog stores it. It decides itself which changes it accepts: see {@link
 * #changedBy(EventChange)}.
 */
record Event(
        UUID id,
        @Nullable VenueSummary venue,
        EventKind kind,
        String title,
        String description,
        Instant startsAt,
        Instant saleStartsAt,
        Instant saleEndsAt,
        String currency,
        EventStatus status,
        Rules rules,
        PricingMode pricing,
        InventoryMode inventory,
        @Nullable String partnerBaseUrl,
        List<Zone> zones) {

    /** A zone on sale: {@code capacity} counts the tickets for sale, {@code basePrice} is in minor units. */
    record Zone(String code, String name, boolean seated, int capacity, long basePrice) {}

    Event withZones(List<Zone> zones) {
        return new Event(
                id,
                venue,
                kind,
                title,
                description,
                startsAt,
                saleStartsAt,
                saleEndsAt,
                currency,
                status,
                rules,
                pricing,
                inventory,
                partnerBaseUrl,
                zones);
    }

    /**
     * This event with {@code change} applied, or {@link InvalidDefinition} when the change is not
     * allowed: a status the transition table forbids, a sale window that does not fit, or any
     * change to a cancelled event.
     */
    Event changedBy(EventChange change) {
        var violations = new Violations();
        var nextStatus = change.status() != null ? change.status() : status;
        violations.check(status.canBecome(nextStatus), "status", "cannot change from " + status + " to " + nextStatus);
        boolean changesMore = change.rules() != null || change.saleStartsAt() != null || change.saleEndsAt() != null;
        violations.check(
                status != EventStatus.CANCELLED || !changesMore, "status", "a cancelled event does not change");
        var nextSaleStart = change.saleStartsAt() != null ? change.saleStartsAt() : saleStartsAt;
        var nextSaleEnd = change.saleEndsAt() != null ? change.saleEndsAt() : saleEndsAt;
        SaleWindow.check(startsAt, nextSaleStart, nextSaleEnd, violations);
        var nextRules = change.rules() != null ? change.rules().applyTo(rules) : rules;
        violations.throwIfAny();
        return new Event(
                id,
                venue,
                kind,
                title,
                description,
                startsAt,
                nextSaleStart,
                nextSaleEnd,
                currency,
                nextStatus,
                nextRules,
                pricing,
                inventory,
                partnerBaseUrl,
                zones);
    }
}
