package org.boxoffice.payment;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.boxoffice.platform.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Taking and returning money for orders. Every method may wait on the provider for up to {@code
 * boxoffice.payment.deadline}; call them with no transaction open, or the caller's connection
 * waits along (this module's own records are written in short transactions of their own).
 *
 * <p>{@link #charge} answers its caller and announces nothing. Outcomes learned later (from the
 * provider's webhook, from {@link #settle} or from the reconciliation job, which settles open
 * attempts by itself) are announced as {@link PaymentSucceeded} and {@link PaymentFailed}, once
 * each, only when they change what was recorded. Such an announcement may arrive while the
 * charge call of the same attempt is still running (the webhook can beat the answer).
 */
@Service
public class Payments {

    private static final Logger log = LoggerFactory.getLogger(Payments.class);
    private static final int MAX_ATTEMPT_KEY = 200;

    private final PaymentMeters meters;
    private final Charging charging;
    private final Reconciling reconciling;
    private final Refunding refunding;
    private final PaymentAttempts attempts;
    private final AtomicBoolean warnedAboutTransaction = new AtomicBoolean();

    Payments(
            Charging charging,
            Reconciling reconciling,
            Refunding refunding,
            PaymentAttempts attempts,
            PaymentMeters meters) {
        this.meters = meters;
        this.charging = charging;
        this.reconciling = reconciling;
        this.refunding = refunding;
        this.attempts = attempts;
    }

    /**
     * Charges {@code amount} for the order. {@code attemptKey} names this attempt and is the
     * idempotency key the provider sees on every retry: calling again with the same key never
     * charges twice and answers the same outcome. A new key is a new attempt (after a decline),
     * but an order with a successful or still open attempt is not charged again: the answer is
     * that attempt's outcome ({@code Succeeded} or {@code Unknown}).
     *
     * @throws IllegalArgumentException for a zero amount (free orders need no payment), a blank or
     *     over-long key, or a key used before for another order or amount
     */
    public ChargeOutcome charge(UUID orderId, Money amount, String attemptKey) {
        if (amount.isZero()) {
            throw new IllegalArgumentException("A free order needs no payment");
        }
        if (attemptKey.isBlank() || attemptKey.length() > MAX_ATTEMPT_KEY) {
            throw new IllegalArgumentException("An attempt key has 1 to " + MAX_ATTEMPT_KEY + " characters");
        }
        warnIfInTransaction();
        return meters.charged(charging.charge(orderId, amount, attemptKey));
    }

    /**
     * Asks the provider what became of an attempt whose outcome is open and records the answer
     * ({@link PaymentSucceeded} or {@link PaymentFailed} is announced if it changed anything).
     * Empty while the outcome is still unknown, or when no such attempt exists; a settled
     * attempt answers its recorded outcome without asking.
     */
    public Optional<ChargeOutcome> settle(String attemptKey) {
        warnIfInTransaction();
        return reconciling.settle(attemptKey);
    }

    /** Refunds every successful payment of the order. Safe to repeat: nothing is refunded twice. */
    public RefundOutcome refund(UUID orderId) {
        warnIfInTransaction();
        return refunding.refund(orderId);
    }

    /** Whether the order has a successful payment that is not refunded. */
    public boolean hasSucceededPayment(UUID orderId) {
        return attempts.hasSucceeded(orderId);
    }

    /** Whether a charge of the order may still turn out either way (its outcome is not known yet). */
    public boolean hasOpenAttempt(UUID orderId) {
        return attempts.hasOpen(orderId);
    }

    private void warnIfInTransaction() {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && warnedAboutTransaction.compareAndSet(false, true)) {
            log.warn(
                    "Payments called inside a transaction: its database connection is held while the provider answers",
                    new IllegalStateException("called from here"));
        }
    }
}
