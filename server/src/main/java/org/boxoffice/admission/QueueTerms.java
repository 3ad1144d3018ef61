package org.boxoffice.admission;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.boxoffice.catalog.EventStatus;
import org.boxoffice.catalog.SaleConditions;

/**
 * What the waiting room needs of an event: its rate, when joining opens, when the sale opens
 * (the pre-queue is shuffled then) and closes, and how long an admission lasts.
 */
record QueueTerms(
        UUID eventId,
        EventStatus status,
        boolean enabled,
        int admitPerSecond,
        Instant joinOpensAt,
        Instant opensAt,
        Instant closesAt,
        Duration tokenTtl) {

    static QueueTerms of(SaleConditions event) {
        var room = event.rules().waitingRoom();
        return new QueueTerms(
                event.eventId(),
                event.status(),
                room.enabled(),
                room.admitPerSecond(),
                event.saleStartsAt().minus(Duration.ofMinutes(room.opensMinutesBefore())),
                event.saleStartsAt(),
                event.saleEndsAt(),
                Duration.ofSeconds(room.tokenTtlSeconds()));
    }

    /** People may join from {@code opensMinutesBefore} the sale until it ends. */
    void requireJoinable(Instant now) {
        if (!enabled) {
            throw new Refusals.NoWaitingRoom();
        }
        if (status != EventStatus.ON_SALE || !now.isBefore(closesAt)) {
            throw new Refusals.SaleClosed();
        }
        if (now.isBefore(joinOpensAt)) {
            throw new Refusals.QueueNotOpen(joinOpensAt);
        }
    }
}
