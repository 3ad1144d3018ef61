package org.boxoffice.ordering.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.boxoffice.platform.Money;
import org.jspecify.annotations.Nullable;

/**
 * An order: tickets held for one user, then paid, cancelled, refunded or let lapse. It decides
 * what may happen to it; the repository then makes that happen with a conditional update, so a
 * decision taken on a stale copy changes nothing.
 */
public record Order(
        UUID id,
        UUID userId,
        UUID eventId,
        OrderStatus status,
        List<OrderItem> items,
        Money total,
        Instant expiresAt,
        Instant createdAt,
        @Nullable Instant paidAt,
        @Nullable Instant cancelledAt,
        boolean paymentPending) {

    public Order {
        items = List.copyOf(items);
    }

    /**
     * The status as a reader sees it at {@code now}: a hold past its time reads as EXPIRED even
     * before the sweeper has written so, unless a payment is under way.
     */
    public OrderStatus statusAt(Instant now) {
        return isLapsed(now) ? OrderStatus.EXPIRED : status;
    }

    public boolean isLapsed(Instant now) {
        return status == OrderStatus.HELD && !paymentPending && !now.isBefore(expiresAt);
    }

    public boolean isFree() {
        return total.isZero();
    }

    public PaymentDecision decidePayment(Instant now) {
        if (status == OrderStatus.HELD && paymentPending) {
            return PaymentDecision.ALREADY_PENDING;
        }
        return switch (statusAt(now)) {
            case HELD -> PaymentDecision.CHARGE;
            case EXPIRED -> PaymentDecision.EXPIRED;
            default -> PaymentDecision.NOT_PAYABLE;
        };
    }

    /**
     * A held order is released at once; a paid one is refunded while the event is more than the
     * cutoff away. Nothing is cancelled while money may be moving.
     */
    public CancelDecision decideCancel(Instant now, Instant eventStartsAt, Duration refundCutoff) {
        if (paymentPending) {
            return CancelDecision.NOT_CANCELLABLE;
        }
        return switch (statusAt(now)) {
            case HELD, PENDING -> CancelDecision.RELEASE;
            case PAID ->
                now.plus(refundCutoff).isBefore(eventStartsAt)
                        ? CancelDecision.REFUND
                        : CancelDecision.REFUND_WINDOW_CLOSED;
            default -> CancelDecision.NOT_CANCELLABLE;
        };
    }

    public int quantity() {
        return items.size();
    }
}
