package org.boxoffice.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.boxoffice.platform.Money;
import org.jspecify.annotations.Nullable;

/**
 * Everything visitors may know about an event: the summary, each zone's live counts and current
 * price, the rules, and (only when the request carries a token) whether the caller took part.
 */
public record EventDetail(
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
        Money minPrice,
        String description,
        List<Zone> zones,
        Rules rules,
        Pricing pricing,
        InventoryPolicy inventory,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean participated) {

    /** A zone: {@code capacity = available + held + sold}; tickets not for sale are in none. */
    public record Zone(
            String code,
            String name,
            boolean seated,
            long capacity,
            long available,
            long held,
            long sold,
            Money price) {}

    public EventDetail withParticipated(@Nullable Boolean participated) {
        return new EventDetail(
                id,
                kind,
                title,
                venue,
                startsAt,
                saleStartsAt,
                saleEndsAt,
                status,
                capacity,
                available,
                minPrice,
                description,
                zones,
                rules,
                pricing,
                inventory,
                participated);
    }
}
