package org.boxoffice.ordering;

import java.time.Clock;
import java.util.UUID;
import org.boxoffice.catalog.ParticipationCheck;
import org.springframework.stereotype.Component;

/** Answers the catalog's "did this user take part": a live or paid order for the event. */
@Component
class OrderParticipation implements ParticipationCheck {

    private final BuyerLimits limits;
    private final Clock clock;

    OrderParticipation(BuyerLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public boolean participated(UUID eventId, UUID userId) {
        return limits.hasTakenPart(userId, eventId, clock.instant());
    }
}
