package org.boxoffice.inventory;

import java.util.UUID;

/** An event's tickets were created (published inside the creating transaction). */
public record TicketsCreated(UUID eventId, long tickets) {}
