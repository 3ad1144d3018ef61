package org.boxoffice.payment;

import java.util.List;

/** What became of a refund. Refunding again is always safe: the provider refunds a payment once. */
public sealed interface RefundOutcome {

    /** Every successful payment of the order is refunded (now or earlier). */
    record Refunded(List<String> paymentIds) implements RefundOutcome {

        public Refunded {
            paymentIds = List.copyOf(paymentIds);
        }
    }

    /** The order has no successful payment: nothing was taken, so nothing is owed. */
    record NothingToRefund() implements RefundOutcome {}

    /**
     * The provider did not confirm in time, or a charge of the order is still unsettled. Ask again
     * later.
     */
    record Unknown() implements RefundOutcome {}
}
