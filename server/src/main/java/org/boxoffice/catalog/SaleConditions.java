package org.boxoffice.catalog;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.boxoffice.platform.Money;
import org.jspecify.annotations.Nullable;

/**
 * What it takes to sell an event's tickets right now: its status, sale window and rules, the
 * current price of each zone, and where its tickets come from. Cheaper than {@link EventDetail}:
 * live counts are read only when demand pricing needs them.
 *
 * @param partner the partner system's address for PARTNER events, else null
 */
public record SaleConditions(
        UUID eventId,
        EventKind kind,
        EventStatus status,
        Instant startsAt,
        Instant saleStartsAt,
        Instant saleEndsAt,
        Rules rules,
        InventoryMode inventory,
        @Nullable URI partner,
        Map<String, Money> prices) {

    public SaleConditions {
        prices = Map.copyOf(prices);
    }
}
