package org.boxoffice.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.boxoffice.platform.Money;
import org.boxoffice.platform.ProviderCalls;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Charging an order: record the attempt and commit, call the provider with no transaction open,
 * record the answer. The order's attempts are checked under a per-order lock, so an order with a
 * successful or still open attempt is never charged a second time.
 */
@Component
class Charging {

    private final PaymentAttempts attempts;
    private final DurableTransactions transactions;
    private final PaymentProvider provider;
    private final ProviderCalls calls;
    private final PaymentSettings settings;
    private final PaidAmounts paidAmounts;
    private final Clock clock;

    Charging(
            PaymentAttempts attempts,
            DurableTransactions transactions,
            PaymentProvider provider,
            ProviderCalls calls,
            PaymentSettings settings,
            PaidAmounts paidAmounts,
            Clock clock) {
        this.attempts = attempts;
        this.transactions = transactions;
        this.provider = provider;
        this.calls = calls;
        this.settings = settings;
        this.paidAmounts = paidAmounts;
        this.clock = clock;
    }

    ChargeOutcome charge(UUID orderId, Money amount, String attemptKey) {
        var decided = transactions.call(() -> begin(orderId, amount, attemptKey));
        if (decided.isPresent()) {
            return decided.get();
        }
        var request = new PaymentProvider.ChargeRequest(attemptKey, orderId, amount);
        var answer = calls.call("charge " + attemptKey, timeout -> provider.charge(request, timeout));
        return transactions.call(() -> record(attemptKey, answer.orElse(null)));
    }

    /** Records a new attempt, or says what is decided already without calling the provider. */
    private Optional<ChargeOutcome> begin(UUID orderId, Money amount, String attemptKey) {
        attempts.lockOrder(orderId);
        var now = clock.instant();
        var callsEndBy =
                now.plus(settings.deadline()).plus(settings.reconciliation().lateArrivalGrace());
        var same = attempts.find(attemptKey);
        if (same.isPresent()) {
            return again(same.get(), orderId, amount, callsEndBy);
        }
        var blocking = attempts.ofOrder(orderId).stream()
                .filter(attempt -> attempt.status().blocksAnotherCharge())
                .findFirst();
        if (blocking.isPresent()) {
            return Optional.of(blocking.get().outcome());
        }
        attempts.add(PaymentAttempt.pending(attemptKey, orderId, amount, now, callsEndBy));
        return Optional.empty();
    }

    /** The same attempt once more: settled ones answer from the record, open ones ask again. */
    private Optional<ChargeOutcome> again(PaymentAttempt attempt, UUID orderId, Money amount, Instant callsEndBy) {
        if (!attempt.isFor(orderId, amount)) {
            throw new IllegalArgumentException(
                    "The attempt key " + attempt.attemptKey() + " was used for another order or amount");
        }
        if (attempt.isSettled()) {
            return Optional.of(attempt.outcome());
        }
        attempts.calling(attempt.attemptKey(), callsEndBy);
        return Optional.empty();
    }

    /** Records the answer unless a webhook got there first; either way answers what is recorded. */
    private ChargeOutcome record(String attemptKey, PaymentProvider.@Nullable Payment payment) {
        var now = clock.instant();
        if (payment == null || payment.status() == PaymentProvider.Status.PROCESSING) {
            attempts.moveToUnknown(
                    attemptKey, now, now.plus(settings.reconciliation().recheckAfter()));
        } else if (payment.status() == PaymentProvider.Status.DECLINED) {
            var reason = payment.declineReason() == null ? "declined" : payment.declineReason();
            attempts.move(attemptKey, AttemptStatus.DECLINED, payment.paymentId(), reason, now);
        } else if (paidAmounts.match(
                attempts.find(attemptKey).orElseThrow(), payment.paymentId(), payment.amount(), "the charge answer")) {
            attempts.move(attemptKey, AttemptStatus.SUCCEEDED, payment.paymentId(), null, now);
        } else {
            attempts.moveToMismatched(attemptKey, payment.paymentId(), PaidAmounts.reason(payment.amount()), now);
        }
        return attempts.find(attemptKey).orElseThrow().outcome();
    }
}
