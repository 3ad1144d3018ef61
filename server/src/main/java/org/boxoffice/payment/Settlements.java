package org.boxoffice.payment;

import java.time.Instant;
import org.boxoffice.platform.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records outcomes learned after the charge call (from a webhook or from reconciliation) and
 * announces each one that changed an attempt, in the caller's transaction. An outcome that changes
 * nothing (a repeat, or one the charge call recorded first) is not announced again.
 */
@Component
class Settlements {

    private static final Logger log = LoggerFactory.getLogger(Settlements.class);

    private final PaymentAttempts attempts;
    private final ApplicationEventPublisher events;
    private final PaidAmounts paidAmounts;

    Settlements(PaymentAttempts attempts, ApplicationEventPublisher events, PaidAmounts paidAmounts) {
        this.attempts = attempts;
        this.events = events;
        this.paidAmounts = paidAmounts;
    }

    /** The provider took {@code charged}: a success if that is what the attempt asked for. */
    void succeeded(PaymentAttempt attempt, String paymentId, Money charged, String reportedBy, Instant now) {
        if (!paidAmounts.match(attempt, paymentId, charged, reportedBy)) {
            mismatched(attempt, paymentId, charged, now);
            return;
        }
        if (attempts.move(attempt.attemptKey(), AttemptStatus.SUCCEEDED, paymentId, null, now)) {
            events.publishEvent(new PaymentSucceeded(attempt.orderId(), paymentId, attempt.amount()));
        } else if (attempt.status() == AttemptStatus.DECLINED) {
            log.error("The provider reports payment {} as succeeded after declining it", paymentId);
        }
    }

    /** Not a payment of the order: it is refunded (by reconciliation), and the order is payable again. */
    private void mismatched(PaymentAttempt attempt, String paymentId, Money charged, Instant now) {
        if (attempts.moveToMismatched(attempt.attemptKey(), paymentId, PaidAmounts.reason(charged), now)) {
            events.publishEvent(new PaymentFailed(attempt.orderId(), paymentId));
        }
    }

    void declined(PaymentAttempt attempt, String paymentId, String reason, Instant now) {
        if (attempts.move(attempt.attemptKey(), AttemptStatus.DECLINED, paymentId, reason, now)) {
            events.publishEvent(new PaymentFailed(attempt.orderId(), paymentId));
        }
    }

    void neverArrived(PaymentAttempt attempt, Instant now) {
        if (attempts.move(attempt.attemptKey(), AttemptStatus.FAILED, null, null, now)) {
            events.publishEvent(new PaymentFailed(attempt.orderId(), null));
        }
    }

    /**
     * A success for which we hold no attempt that could have led to it. The money was taken all
     * the same, so it is recorded and announced: the order's owner decides to keep or refund it.
     */
    void succeededUnexpectedly(WebhookNotice notice, Instant now) {
        var asked = attempts.ofOrder(notice.orderId()).stream().reduce((first, second) -> second);
        if (asked.isPresent() && !paidAmounts.match(asked.get(), notice.paymentId(), notice.amount(), "the webhook")) {
            attempts.add(new PaymentAttempt(
                    "webhook:" + notice.paymentId(),
                    notice.orderId(),
                    notice.amount(),
                    AttemptStatus.PENDING,
                    null,
                    null,
                    now,
                    now));
            attempts.moveToMismatched(
                    "webhook:" + notice.paymentId(), notice.paymentId(), PaidAmounts.reason(notice.amount()), now);
            return;
        }
        log.warn(
                "The provider reports payment {} for order {}, which no open attempt asked for",
                notice.paymentId(),
                notice.orderId());
        var attempt = new PaymentAttempt(
                "webhook:" + notice.paymentId(),
                notice.orderId(),
                notice.amount(),
                AttemptStatus.SUCCEEDED,
                notice.paymentId(),
                null,
                now,
                now);
        attempts.add(attempt);
        events.publishEvent(new PaymentSucceeded(notice.orderId(), notice.paymentId(), notice.amount()));
    }
}
