package org.boxoffice.catalog;

import java.time.Instant;
import java.util.UUID;
import org.boxoffice.platform.Money;
import org.jspecify.annotations.Nullable;

/**
 * An event in the list: what it is, when, and how much is left. {@code capacity} and {@code
 * available} add up the zones; {@code minPrice} is the lowest current zone price.
 */
public record EventSummary(
        UUID id,
        EventKind kind,
        String title,
        @Nullable VenueSummary venue,
        Instant startsAt,
        Instant saleStartsAt,
        Instant saleEndsAt,
        EventStatus status,
        long capacity,
        long available,
        Money minPrice) {}
