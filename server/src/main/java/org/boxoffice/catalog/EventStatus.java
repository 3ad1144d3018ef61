package org.boxoffice.catalog;

import java.util.Set;

/**
 * Where an event stands. The transition table is here: a cancelled event stays cancelled, a
 * published event cannot go back to draft (people may hold tickets for it), and a closed sale
 * may reopen.
 */
public enum EventStatus {
    DRAFT,
    ON_SALE,
    SALE_CLOSED,
    CANCELLED;

    /** The statuses an event may be created with. */
    public static final Set<EventStatus> INITIAL = Set.of(DRAFT, ON_SALE);

    public boolean canBecome(EventStatus next) {
        if (next == this) {
            return true;
        }
        return switch (this) {
            case DRAFT -> next != DRAFT;
            case ON_SALE -> next == SALE_CLOSED || next == CANCELLED;
            case SALE_CLOSED -> next == ON_SALE || next == CANCELLED;
            case CANCELLED -> false;
        };
    }

    /** Whether visitors (not only administrators) may see the event. */
    public boolean isPublic() {
        return this != DRAFT;
    }
}
