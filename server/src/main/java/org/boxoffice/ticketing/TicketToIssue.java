package org.boxoffice.ticketing;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A sold ticket that gets an e-ticket. */
public record TicketToIssue(
        UUID ticketId, String zone, @Nullable String seat) {}
