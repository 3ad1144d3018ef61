package org.boxoffice.inventory;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A ticket that a hold claimed: its id, zone and seat id (null for standing places). */
public record HeldTicket(UUID id, String zone, @Nullable String seat) {}
