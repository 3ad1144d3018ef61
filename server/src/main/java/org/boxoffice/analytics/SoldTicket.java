package org.boxoffice.analytics;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One line of the export: a ticket of a paid order and its e-ticket.
 *
 * @param seat null for general admission
 * @param code the e-ticket's code; null only if a paid order somehow has no e-ticket
 * @param price in minor units of {@code currency}
 */
record SoldTicket(
        UUID orderId,
        UUID ticketId,
        String zone,
        @Nullable String seat,
        @Nullable String code,
        long price,
        String currency,
        UUID userId,
        Instant paidAt) {}
