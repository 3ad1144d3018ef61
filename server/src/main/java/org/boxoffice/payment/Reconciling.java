package org.boxoffice.payment;

import java.time.Clock;
import java.util.Optional;
import org.boxoffice.platform.ProviderCalls;
import org.springframework.stereotype.Component;

/**
 * Settling an attempt whose outcome is open by asking the provider what became of its
 * idempotency key. "Never heard of it" counts as "nothing was charged" only once every request of
 * the attempt is certainly over.
 */
@Component
class Reconciling {

    private final PaymentAttempts attempts;
    private final DurableTransactions transactions;
    private final PaymentProvider provider;
    private final ProviderCalls calls;
    private final Settlements settlements;
    private final Clock clock;

    Reconciling(
            PaymentAttempts attempts,
            DurableTransactions transactions,
            PaymentProvider provider,
            ProviderCalls calls,
            Settlements settlements,
            Clock clock) {
        this.attempts = attempts;
        this.transactions = transactions;
        this.provider = provider;
        this.calls = calls;
        this.settlements = settlements;
        this.clock = clock;
    }

    Optional<ChargeOutcome> settle(String attemptKey) {
        var attempt = attempts.find(attemptKey);
        if (attempt.isEmpty() || attempt.get().isSettled()) {
            return attempt.map(PaymentAttempt::outcome);
        }
        var lookup = calls.call("look up " + attemptKey, timeout -> provider.find(attemptKey, timeout));
        if (lookup.isEmpty()) {
            return Optional.empty();
        }
        return transactions.call(() -> learn(attemptKey, lookup.get()));
    }

    private Optional<ChargeOutcome> learn(String attemptKey, PaymentProvider.Lookup lookup) {
        var attempt = attempts.find(attemptKey).orElseThrow();
        var now = clock.instant();
        switch (lookup) {
            case PaymentProvider.Lookup.Found(var payment) -> {
                switch (payment.status()) {
                    case SUCCEEDED, REFUNDED ->
                        settlements.succeeded(attempt, payment.paymentId(), payment.amount(), "reconciliation", now);
                    case DECLINED -> settlements.declined(attempt, payment.paymentId(), reasonOf(payment), now);
                    case PROCESSING -> {
                        // The provider is still deciding; a later check or its webhook will tell.
                    }
                }
            }
            case PaymentProvider.Lookup.NotFound() -> {
                if (now.isAfter(attempt.callsEndBy())) {
                    settlements.neverArrived(attempt, now);
                }
            }
        }
        var current = attempts.find(attemptKey).orElseThrow();
        return current.isSettled() ? Optional.of(current.outcome()) : Optional.empty();
    }

    private static String reasonOf(PaymentProvider.Payment payment) {
        return payment.declineReason() == null ? "declined" : payment.declineReason();
    }
}
