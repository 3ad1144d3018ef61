package org.boxoffice.payment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Objects;
import java.util.UUID;
import org.boxoffice.platform.ProviderCalls;
import org.springframework.stereotype.Component;

/**
 * Giving an order's money back: every successful payment of the order is refunded through the
 * provider (which refunds a payment once, however often asked), then recorded as refunded.
 */
@Component
class Refunding {

    private final PaymentAttempts attempts;
    private final DurableTransactions transactions;
    private final PaymentProvider provider;
    private final ProviderCalls calls;
    private final Clock clock;

    Refunding(
            PaymentAttempts attempts,
            DurableTransactions transactions,
            PaymentProvider provider,
            ProviderCalls calls,
            Clock clock) {
        this.attempts = attempts;
        this.transactions = transactions;
        this.provider = provider;
        this.calls = calls;
        this.clock = clock;
    }

    RefundOutcome refund(UUID orderId) {
        var ofOrder = attempts.ofOrder(orderId);
        var refunded = new ArrayList<String>();
        boolean unsure = false;
        for (var attempt : ofOrder) {
            switch (attempt.status()) {
                case REFUNDED -> refunded.add(Objects.requireNonNull(attempt.paymentId()));
                case SUCCEEDED -> {
                    if (refundAtProvider(attempt)) {
                        refunded.add(Objects.requireNonNull(attempt.paymentId()));
                    } else {
                        unsure = true;
                    }
                }
                case PENDING, UNKNOWN -> unsure = true;
                case DECLINED, FAILED, MISMATCHED, MISMATCH_REFUNDED -> {
                    // Nothing was taken for the order (a mismatched payment is refunded on its own).
                }
            }
        }
        if (unsure) {
            return new RefundOutcome.Unknown();
        }
        return refunded.isEmpty() ? new RefundOutcome.NothingToRefund() : new RefundOutcome.Refunded(refunded);
    }

    /**
     * Gives back a payment the provider took for another amount than asked, if the attempt is one;
     * false when it is not (nothing to do here). Retried by reconciliation until the provider confirms.
     */
    boolean refundIfMismatched(String attemptKey) {
        var attempt = attempts.find(attemptKey);
        if (attempt.isEmpty() || attempt.get().status() != AttemptStatus.MISMATCHED) {
            return false;
        }
        var paymentId = Objects.requireNonNull(attempt.get().paymentId());
        calls.call("refund mismatched " + paymentId, timeout -> provider.refund(paymentId, timeout))
                .ifPresent(refundId -> transactions.run(
                        () -> attempts.move(attemptKey, AttemptStatus.MISMATCH_REFUNDED, null, null, clock.instant())));
        return true;
    }

    private boolean refundAtProvider(PaymentAttempt attempt) {
        var paymentId = Objects.requireNonNull(attempt.paymentId());
        var refund = calls.call("refund " + paymentId, timeout -> provider.refund(paymentId, timeout));
        refund.ifPresent(refundId -> transactions.run(
                () -> attempts.move(attempt.attemptKey(), AttemptStatus.REFUNDED, null, null, clock.instant())));
        return refund.isPresent();
    }
}
