package org.boxoffice.inventory;

/** Where a ticket stands. A seat map shows them as A, H, S and X. */
public enum TicketStatus {
    AVAILABLE,
    HELD,
    SOLD,
    NOT_FOR_SALE
}
