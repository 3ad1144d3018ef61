package org.boxoffice.ticketing;

import org.jspecify.annotations.Nullable;

/** What the door scanner is told: {@code {result, ticket}}; the ticket is null for INVALID. */
public record CheckInResult(Result result, @Nullable IssuedTicket ticket) {

    public enum Result {
        ADMITTED,
        ALREADY_USED,
        VOID,
        INVALID
    }
}
