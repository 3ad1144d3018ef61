package org.boxoffice.audit;

import java.time.Instant;

/**
 * What the invariant check found; {@code ok} when every violation count is zero. The backlog is
 * no violation: it is work the background jobs have not done yet, for operators and drills.
 */
public record InvariantReport(boolean ok, Instant checkedAt, Violations violations, Backlog backlog) {

    /**
     * @param lapsedHolds HELD orders past their time that the sweeper has not expired yet (they
     *     read as expired already, and their tickets as available)
     * @param compensationsOwed cancellations at the airline or partners not yet confirmed
     * @param paymentsPending orders with a payment whose outcome is not known yet
     */
    public record Backlog(long lapsedHolds, long compensationsOwed, long paymentsPending) {}

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
