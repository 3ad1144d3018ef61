package org.boxoffice.loadtest.scenario;

import java.util.List;
import java.util.UUID;

/** The part of an API {@code Order} the runner acts on and checks, as of one answer. */
record OrderSnapshot(UUID id, UUID eventId, OrderStatus status, boolean paymentPending, List<UUID> ticketIds) {

    OrderSnapshot {
        ticketIds = List.copyOf(ticketIds);
    }

    /** An order whose outcome may still change without the traveler doing anything. */
    boolean unsettled() {
        return status == OrderStatus.PENDING || (status == OrderStatus.HELD && paymentPending);
    }
}
