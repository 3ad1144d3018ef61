package org.boxoffice.admission;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A place in a waiting room, as joining answers it.
 *
 * @param position 1 for the next to be admitted, 0 once admitted, null before the opening (the
 *     early crowd's order is drawn at the opening)
 * @param estimatedWaitSeconds until admission, roughly; before the opening, until the opening
 */
public record QueueEntry(UUID queueId, @Nullable Long position, boolean admitted, long estimatedWaitSeconds) {}
