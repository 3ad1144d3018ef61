package org.boxoffice.payment;

import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Taking in the provider's webhooks. Each notice is recorded once, in the same transaction as the
 * attempt's change and its announcement, so a repeated or concurrent duplicate changes nothing.
 */
@Component
class ReceivingNotices {

    private static final String DECLINED_BY_WEBHOOK = "declined (reported by the provider's webhook)";

    private final ProviderEvents providerEvents;
    private final PaymentAttempts attempts;
    private final Settlements settlements;
    private final DurableTransactions transactions;
    private final Clock clock;
    private final PaymentMeters meters;

    ReceivingNotices(
            ProviderEvents providerEvents,
            PaymentAttempts attempts,
            Settlements settlements,
            DurableTransactions transactions,
            Clock clock,
            PaymentMeters meters) {
        this.providerEvents = providerEvents;
        this.attempts = attempts;
        this.settlements = settlements;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
    }

    void receive(WebhookNotice notice) {
        meters.webhook(transactions.call(() -> taken(notice)));
    }

    /** Takes the notice in; false when it was taken in before. */
    private boolean taken(WebhookNotice notice) {
        var now = clock.instant();
        if (!providerEvents.add(notice, now)) {
            return false;
        }
        var attempt = attemptOf(notice);
        switch (notice.status()) {
            case SUCCEEDED ->
                attempt.ifPresentOrElse(
                        found -> settlements.succeeded(found, notice.paymentId(), notice.amount(), "the webhook", now),
                        () -> settlements.succeededUnexpectedly(notice, now));
            case FAILED ->
                attempt.ifPresent(found -> settlements.declined(found, notice.paymentId(), DECLINED_BY_WEBHOOK, now));
        }
        return true;
    }

    /**
     * The attempt that got this payment id; else the one the provider names by its idempotency
     * key; else the order's latest attempt still waiting for an id (its answer was lost, or is not
     * recorded yet).
     */
    private Optional<PaymentAttempt> attemptOf(WebhookNotice notice) {
        return attempts.withPaymentId(notice.paymentId())
                .or(() -> Optional.ofNullable(notice.attemptKey())
                        .flatMap(attempts::find)
                        .filter(attempt -> attempt.orderId().equals(notice.orderId())))
                .or(() -> attempts.awaitingPaymentId(notice.orderId()));
    }
}
