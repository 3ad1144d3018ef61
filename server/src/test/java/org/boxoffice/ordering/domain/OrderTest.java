package org.boxoffice.ordering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.boxoffice.platform.Money;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant EVENT_STARTS = NOW.plus(Duration.ofDays(2));
    private static final Duration CUTOFF = Duration.ofHours(12);

    @Test
    void heldOrderReadsAsExpiredOnceItsTimeHasPassed() {
        var order = held(NOW.plusSeconds(180), false);
        assertThat(order.statusAt(NOW)).isEqualTo(OrderStatus.HELD);
        assertThat(order.statusAt(NOW.plusSeconds(179))).isEqualTo(OrderStatus.HELD);
        assertThat(order.statusAt(NOW.plusSeconds(180))).isEqualTo(OrderStatus.EXPIRED);
    }

    @Test
    void orderWithAPendingPaymentDoesNotExpire() {
        var order = held(NOW.plusSeconds(180), true);
        assertThat(order.statusAt(NOW.plusSeconds(3600))).isEqualTo(OrderStatus.HELD);
    }

    @Test
    void expiredHoldCannotBePaid() {
        assertThat(held(NOW.minusSeconds(1), false).decidePayment(NOW)).isEqualTo(PaymentDecision.EXPIRED);
    }

    @Test
    void heldOrderIsCharged() {
        assertThat(held(NOW.plusSeconds(60), false).decidePayment(NOW)).isEqualTo(PaymentDecision.CHARGE);
    }

    @Test
    void secondPaymentWhilePendingChargesNothing() {
        assertThat(held(NOW.plusSeconds(60), true).decidePayment(NOW)).isEqualTo(PaymentDecision.ALREADY_PENDING);
    }

    @Test
    void paidOrderIsNotPayableAgain() {
        assertThat(with(OrderStatus.PAID).decidePayment(NOW)).isEqualTo(PaymentDecision.NOT_PAYABLE);
        assertThat(with(OrderStatus.CANCELLED).decidePayment(NOW)).isEqualTo(PaymentDecision.NOT_PAYABLE);
    }

    @Test
    void heldOrderIsReleasedOnCancel() {
        assertThat(held(NOW.plusSeconds(60), false).decideCancel(NOW, EVENT_STARTS, CUTOFF))
                .isEqualTo(CancelDecision.RELEASE);
    }

    @Test
    void paidOrderIsRefundedBeforeTheCutoffOnly() {
        var paid = with(OrderStatus.PAID);
        assertThat(paid.decideCancel(NOW, EVENT_STARTS, CUTOFF)).isEqualTo(CancelDecision.REFUND);
        var lateNow = EVENT_STARTS.minus(Duration.ofHours(11));
        assertThat(paid.decideCancel(lateNow, EVENT_STARTS, CUTOFF)).isEqualTo(CancelDecision.REFUND_WINDOW_CLOSED);
        var exactlyAtCutoff = EVENT_STARTS.minus(CUTOFF);
        assertThat(paid.decideCancel(exactlyAtCutoff, EVENT_STARTS, CUTOFF))
                .isEqualTo(CancelDecision.REFUND_WINDOW_CLOSED);
    }

    @Test
    void nothingIsCancelledWhileAPaymentIsPending() {
        assertThat(held(NOW.plusSeconds(60), true).decideCancel(NOW, EVENT_STARTS, CUTOFF))
                .isEqualTo(CancelDecision.NOT_CANCELLABLE);
    }

    @Test
    void finishedOrdersAreNotCancellable() {
        for (var status :
                List.of(OrderStatus.CANCELLED, OrderStatus.REFUNDED, OrderStatus.EXPIRED, OrderStatus.FAILED)) {
            assertThat(with(status).decideCancel(NOW, EVENT_STARTS, CUTOFF)).isEqualTo(CancelDecision.NOT_CANCELLABLE);
        }
        assertThat(held(NOW.minusSeconds(1), false).decideCancel(NOW, EVENT_STARTS, CUTOFF))
                .isEqualTo(CancelDecision.NOT_CANCELLABLE);
    }

    @Test
    void transitionTableAllowsOnlyTheDesignedMoves() {
        assertThat(OrderStatus.HELD.canBecome(OrderStatus.PAID)).isTrue();
        assertThat(OrderStatus.PAID.canBecome(OrderStatus.REFUNDED)).isTrue();
        assertThat(OrderStatus.PENDING.canBecome(OrderStatus.FAILED)).isTrue();
        assertThat(OrderStatus.EXPIRED.canBecome(OrderStatus.PAID)).isFalse();
        assertThat(OrderStatus.CANCELLED.canBecome(OrderStatus.HELD)).isFalse();
        assertThat(OrderStatus.PAID.canBecome(OrderStatus.CANCELLED)).isFalse();
        assertThat(OrderStatus.HELD.isLive()).isTrue();
        assertThat(OrderStatus.PAID.isLive()).isFalse();
    }

    private static Order held(Instant expiresAt, boolean paymentPending) {
        return order(OrderStatus.HELD, expiresAt, paymentPending);
    }

    private static Order with(OrderStatus status) {
        return order(status, NOW.minusSeconds(600), false);
    }

    private static Order order(OrderStatus status, Instant expiresAt, boolean paymentPending) {
        var item = new OrderItem(UUID.randomUUID(), "GOLD", "GOLD-1-1", new Money(4_000_000, "KZT"));
        return new Order(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                status,
                List.of(item),
                item.price(),
                expiresAt,
                NOW.minusSeconds(60),
                status == OrderStatus.PAID ? NOW.minusSeconds(30) : null,
                null,
                paymentPending);
    }
}
