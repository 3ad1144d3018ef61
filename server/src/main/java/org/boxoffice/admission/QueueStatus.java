package org.boxoffice.admission;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a place in a waiting room stands now.
 *
 * @param position as in {@link QueueEntry#position()}
 * @param admissionToken for {@code X-Admission-Token} once admitted, until it lapses; after that
 *     null (join again)
 * @param pollAfterSeconds when to ask again; 0 when there is nothing left to wait for
 */
public record QueueStatus(
        @Nullable Long position,
        boolean admitted,
        @Nullable String admissionToken,
        @Nullable Instant tokenExpiresAt,
        int pollAfterSeconds) {}
