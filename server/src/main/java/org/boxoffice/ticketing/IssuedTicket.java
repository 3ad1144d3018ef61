package org.boxoffice.ticketing;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An e-ticket as the API shows it. {@code status} is VALID, USED or VOID. */
public record IssuedTicket(
        UUID ticketId,
        UUID orderId,
        UUID eventId,
        String zone,
        @Nullable String seat,
        String code,
        String qr,
        IssuedTicket.Status status) {

    public enum Status {
        VALID,
        USED,
        VOID
    }
}
