package org.boxoffice.ordering;

import java.time.Clock;
import java.util.UUID;
import org.boxoffice.catalog.ParticipationCheck;
import org.springframework.stereotype.Component;

/** Answers the catalog's "did this user take part": a live or paid order for the event. */
@Component
class OrderParticipation implements ParticipationCheck {

    private final Orders orders;
    private final Clock clock;

    OrderParticipation(Orders orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    @Override
    public boolean participated(UUID eventId, UUID userId) {
        return orders.hasTakenPart(userId, eventId, clock.instant());
    }
}
