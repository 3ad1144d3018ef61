package org.boxoffice.ordering;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.boxoffice.inventory.TicketHolds;
import org.boxoffice.ordering.domain.Order;
import org.boxoffice.ordering.domain.OrderStatus;
import org.boxoffice.payment.Payments;
import org.boxoffice.payment.RefundOutcome;
import org.boxoffice.platform.Outbox;
import org.boxoffice.ticketing.Ticketing;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cancelling: a held order lets its tickets go at once; a paid one is refunded through the
 * provider (no transaction open meanwhile) while the event is far enough away, and then its
 * tickets come back and its e-tickets are void.
 */
@Component
class CancellingOrders {

    private final SaleTermsLookup eventTerms;
    private final Orders orders;
    private final TicketHolds holds;
    private final Ticketing ticketing;
    private final Payments payments;
    private final Compensating compensating;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CancellingOrders(
            SaleTermsLookup eventTerms,
            Orders orders,
            TicketHolds holds,
            Ticketing ticketing,
            Payments payments,
            Compensating compensating,
            Outbox outbox,
            TransactionTemplate transaction,
            Clock clock) {
        this.eventTerms = eventTerms;
        this.orders = orders;
        this.holds = holds;
        this.ticketing = ticketing;
        this.payments = payments;
        this.compensating = compensating;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
    }

    Order cancel(UUID userId, UUID orderId) {
        var order = orders.find(orderId)
                .filter(found -> found.userId().equals(userId))
                .orElseThrow(() -> new Refusals.OrderNotFound(orderId));
        var terms = eventTerms.of(order.eventId());
        return switch (order.decideCancel(clock.instant(), terms.startsAt(), terms.refundCutoff())) {
            case RELEASE -> release(order);
            case REFUND -> refund(order);
            case REFUND_WINDOW_CLOSED ->
                throw new Refusals.RefundWindowClosed((int) terms.refundCutoff().toHours());
            case NOT_CANCELLABLE -> throw new Refusals.NotCancellable();
        };
    }

    private Order release(Order order) {
        var ended = transaction.execute(status -> {
            if (!orders.markCancelled(order.id(), clock.instant())) {
                throw new Refusals.NotCancellable();
            }
            holds.release(order.eventId(), order.id());
            outbox.append(
                    "order", order.id(), "OrderCancelled", OrderEvents.changed(order, OrderStatus.CANCELLED.name()));
            return owe(order);
        });
        compensating.tryNow(List.of(Objects.requireNonNull(ended)));
        return orders.find(order.id()).orElseThrow();
    }

    private Order refund(Order order) {
        var outcome = payments.refund(order.id());
        if (outcome instanceof RefundOutcome.Unknown) {
            throw new Refusals.ProviderUnavailable("The payment provider");
        }
        var ended = transaction.execute(status -> {
            if (!orders.markRefunded(order.id(), clock.instant())) {
                return null;
            }
            holds.returnSold(order.eventId(), order.id());
            ticketing.voidTickets(order.id());
            outbox.append(
                    "order", order.id(), "OrderRefunded", OrderEvents.changed(order, OrderStatus.REFUNDED.name()));
            return owe(order);
        });
        if (ended != null) {
            compensating.tryNow(List.of(ended));
        }
        return orders.find(order.id()).orElseThrow();
    }

    /** What the order's end leaves owed outside, recorded in the transaction that ends it. */
    private Orders.EndedOrder owe(Order order) {
        var ended = new Orders.EndedOrder(order.id(), order.eventId(), orders.confirmedBy(order.id()));
        compensating.owe(ended);
        return ended;
    }
}
