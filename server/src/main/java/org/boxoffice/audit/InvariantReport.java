package org.boxoffice.audit;

import java.time.Instant;

/** What the invariant check found; {@code ok} when every count is zero. */
public record InvariantReport(boolean ok, Instant checkedAt, Violations violations) {

    /**
     * @param ticketsInTwoLiveOrders tickets that are items of two orders that are live or paid
     * @param heldTicketsWithoutLiveOrder tickets held (and not lapsed) for an order that is not a live order holding them
     * @param soldTicketsWithoutPaidOrder SOLD tickets whose order is not a PAID order containing them
     * @param paidOrdersMissingTickets items of PAID orders whose ticket is not SOLD to that order
     * @param zoneCountMismatches zones whose capacity differs from their tickets for sale
     * @param ordersPendingTooLong orders still PENDING (waiting for a partner) past the grace period
     * @param paymentsUnknown payment attempts still open past the grace period
     */
    public record Violations(
            long ticketsInTwoLiveOrders,
            long heldTicketsWithoutLiveOrder,
            long soldTicketsWithoutPaidOrder,
            long paidOrdersMissingTickets,
            long zoneCountMismatches,
            long ordersPendingTooLong,
            long paymentsUnknown) {

        boolean none() {
            return ticketsInTwoLiveOrders
                            + heldTicketsWithoutLiveOrder
                            + soldTicketsWithoutPaidOrder
                            + paidOrdersMissingTickets
                            + zoneCountMismatches
                            + ordersPendingTooLong
                            + paymentsUnknown
                    == 0;
        }
    }
}
