package org.boxoffice.payment;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.boxoffice.platform.Money;
import org.jspecify.annotations.Nullable;

/**
 * One charge we asked the provider for. {@code attemptKey} is also the idempotency key the
 * provider sees on every try. {@code callsEndBy} is when every request of the attempt is
 * certainly over (the deadline plus a grace for late arrivals).
 */
record PaymentAttempt(
        String attemptKey,
        UUID orderId,
        Money amount,
        AttemptStatus status,
        @Nullable String paymentId,
        @Nullable String declineReason,
        Instant createdAt,
        Instant callsEndBy) {

    static final String NEVER_REACHED_PROVIDER = "The payment never reached the provider; nothing was charged.";

    static PaymentAttempt pending(String attemptKey, UUID orderId, Money amount, Instant now, Instant callsEndBy) {
        return new PaymentAttempt(attemptKey, orderId, amount, AttemptStatus.PENDING, null, null, now, callsEndBy);
    }

    boolean isSettled() {
        return !status.isOpen();
    }

    boolean isFor(UUID otherOrderId, Money otherAmount) {
        return orderId.equals(otherOrderId) && amount.equals(otherAmount);
    }

    ChargeOutcome outcome() {
        return switch (status) {
            case SUCCEEDED, REFUNDED -> new ChargeOutcome.Succeeded(Objects.requireNonNull(paymentId));
            case DECLINED -> new ChargeOutcome.Declined(declineReason == null ? "declined" : declineReason);
            case FAILED -> new ChargeOutcome.Declined(NEVER_REACHED_PROVIDER);
            case PENDING, UNKNOWN -> new ChargeOutcome.Unknown();
            case MISMATCHED, MISMATCH_REFUNDED ->
                new ChargeOutcome.Declined(
                        declineReason == null ? "the provider charged another amount" : declineReason);
        };
    }
}
