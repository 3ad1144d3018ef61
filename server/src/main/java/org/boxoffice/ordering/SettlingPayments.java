package org.boxoffice.ordering;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.boxoffice.inventory.TicketHolds;
import org.boxoffice.ordering.domain.Order;
import org.boxoffice.ordering.domain.OrderStatus;
import org.boxoffice.payment.PaymentFailed;
import org.boxoffice.payment.PaymentSucceeded;
import org.boxoffice.payment.Payments;
import org.boxoffice.payment.RefundOutcome;
import org.boxoffice.platform.Outbox;
import org.boxoffice.ticketing.Ticketing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what became of a payment, whoever learned it first: the buyer's pay request, the
 * provider's webhook or reconciliation. Paid orders sell their tickets and get e-tickets in one
 * durable transaction; money that arrives for an order that can no longer be sold is refunded.
 */
@Component
class SettlingPayments {

    private static final Logger log = LoggerFactory.getLogger(SettlingPayments.class);

    private final Orders orders;
    private final TicketHolds holds;
    private final Ticketing ticketing;
    private final Payments payments;
    private final Confirmations confirmations;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SettlingPayments(
            Orders orders,
            TicketHolds holds,
            Ticketing ticketing,
            Payments payments,
            Confirmations confirmations,
            Outbox outbox,
            TransactionTemplate transaction,
            Clock clock) {
        this.orders = orders;
        this.holds = holds;
        this.ticketing = ticketing;
        this.payments = payments;
        this.confirmations = confirmations;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The money is taken: the order becomes PAID (once), its tickets SOLD and issued. */
    Order completePayment(UUID orderId) {
        var paid = transaction.execute(status -> {
            var order = orders.find(orderId).orElseThrow();
            if (!orders.markPaid(orderId, clock.instant())) {
                return false;
            }
            if (holds.sell(order.eventId(), orderId) != order.quantity()) {
                throw new IllegalStateException("Order " + orderId + " lost tickets while its payment was pending");
            }
            ticketing.issue(orderId, order.userId(), order.eventId(), HoldSteps.toIssue(order.items()));
            outbox.append("order", orderId, "OrderPaid", OrderEvents.changed(order, OrderStatus.PAID.name()));
            return true;
        });
        var order = orders.find(orderId).orElseThrow();
        if (Boolean.TRUE.equals(paid)) {
            confirmations.sold(orderId, order.eventId(), orders.confirmedBy(orderId));
        } else if (order.status() != OrderStatus.PAID) {
            refundUnsellable(order);
        }
        return order;
    }

    /** The payment failed: the order is payable again until its hold lapses. */
    void endPayment(UUID orderId) {
        transaction.executeWithoutResult(status -> {
            var order = orders.find(orderId).orElseThrow();
            if (orders.endPayment(orderId)) {
                holds.extend(order.eventId(), orderId, order.expiresAt());
                outbox.append(
                        "order",
                        orderId,
                        "PaymentFailed",
                        OrderEvents.changed(order, order.status().name()));
            }
        });
    }

    /**
     * Settles an order whose payment has been under way for long, in case the announcement of its
     * outcome was lost (a server stopped, a database hiccup): paid if the money is in, payable
     * again if no charge is open any more, else left for the payment module to settle first.
     */
    void reconcile(UUID orderId) {
        if (payments.hasSucceededPayment(orderId)) {
            completePayment(orderId);
        } else if (!payments.hasOpenAttempt(orderId)) {
            endPayment(orderId);
        }
    }

    @Async
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(PaymentSucceeded succeeded) {
        // An order already PAID (its pay request settled first) has nothing left to settle:
        // completing it again would only read it twice more in a transaction that changes nothing.
        find(succeeded.orderId())
                .filter(order -> order.status() != OrderStatus.PAID)
                .ifPresent(order -> completePayment(order.id()));
    }

    @Async
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(PaymentFailed failed) {
        if (find(failed.orderId()).isPresent()) {
            endPayment(failed.orderId());
        }
    }

    private Optional<Order> find(UUID orderId) {
        var order = orders.find(orderId);
        if (order.isEmpty()) {
            log.warn("The payment provider reported on order {}, which does not exist here", orderId);
        }
        return order;
    }

    /** Money came in for an order that expired or was cancelled meanwhile: it goes back. */
    private void refundUnsellable(Order order) {
        var outcome = payments.refund(order.id());
        log.info("Payment for order {} ({}) arrived too late; refund: {}", order.id(), order.status(), outcome);
        if (outcome instanceof RefundOutcome.Refunded) {
            transaction.executeWithoutResult(status -> outbox.append(
                    "order",
                    order.id(),
                    "LatePaymentRefunded",
                    OrderEvents.changed(order, order.status().name())));
        }
    }
}
