package org.boxoffice.ordering;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.boxoffice.inventory.TicketHolds;
import org.boxoffice.ordering.domain.Order;
import org.boxoffice.payment.ChargeOutcome;
import org.boxoffice.payment.Payments;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Paying: mark the order as having a payment under way (so it cannot lapse or be cancelled
 * meanwhile), ask the provider with no transaction open, then record the outcome. One payment is
 * under way per order at a time, so an order is never charged twice.
 */
@Component
class PayingOrders {

    /** While a payment is under way the hold does not lapse; this is only a backstop. */
    private static final Duration PENDING_HOLD = Duration.ofDays(1);

    private final Orders orders;
    private final TicketHolds holds;
    private final Payments payments;
    private final SettlingPayments settling;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PayingOrders(
            Orders orders,
            TicketHolds holds,
            Payments payments,
            SettlingPayments settling,
            TransactionTemplate transaction,
            Clock clock) {
        this.orders = orders;
        this.holds = holds;
        this.payments = payments;
        this.settling = settling;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Pays the order. The answer is PAID, or HELD with a payment pending when the provider's
     * outcome is not known yet (or another request is paying it right now).
     */
    Order pay(UUID userId, UUID orderId) {
        var order = own(userId, orderId);
        if (!startPayment(order)) {
            return reload(orderId);
        }
        var outcome = payments.charge(order.id(), order.total(), order.id() + "/" + UUID.randomUUID());
        return switch (outcome) {
            case ChargeOutcome.Succeeded succeeded -> settling.completePayment(order.id());
            case ChargeOutcome.Declined declined -> {
                settling.endPayment(order.id());
                throw new Refusals.PaymentDeclined(declined.reason());
            }
            case ChargeOutcome.Unknown unknown -> reload(order.id());
        };
    }

    /**
     * Marks the payment as under way and stretches the hold. False when a payment is under way
     * already; a refusal when the order lapsed or cannot be paid.
     */
    private boolean startPayment(Order order) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            var now = clock.instant();
            if (!orders.startPayment(order.id(), now)) {
                return switch (reload(order.id()).decidePayment(now)) {
                    case EXPIRED -> throw new Refusals.OrderExpired();
                    case ALREADY_PENDING -> false;
                    case CHARGE, NOT_PAYABLE -> throw new Refusals.OrderNotPayable();
                };
            }
            if (holds.extend(order.eventId(), order.id(), now.plus(PENDING_HOLD)) != order.quantity()) {
                // A ticket of the lapsed hold went to another buyer a moment ago.
                throw new Refusals.OrderExpired();
            }
            return true;
        }));
    }

    private Order own(UUID userId, UUID orderId) {
        return orders.find(orderId)
                .filter(order -> order.userId().equals(userId))
                .orElseThrow(() -> new Refusals.OrderNotFound(orderId));
    }

    private Order reload(UUID orderId) {
        return orders.find(orderId).orElseThrow(() -> new Refusals.OrderNotFound(orderId));
    }
}
