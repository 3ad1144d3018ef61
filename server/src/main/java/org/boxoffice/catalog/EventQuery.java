package org.boxoffice.catalog;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A search of the event list.
 *
 * @param text a case-insensitive part of the title
 * @param from events starting at or after this instant
 * @param to events starting before this instant
 */
public record EventQuery(
        @Nullable EventKind kind,
        @Nullable String text,
        @Nullable Instant from,
        @Nullable Instant to,
        int page,
        int size) {

    public static final int MAX_SIZE = 200;

    public long offset() {
        return (long) page * size;
    }
}
