package org.boxoffice.ordering;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.catalog.Viewer;
import org.boxoffice.inventory.HeldTicket;
import org.boxoffice.inventory.TicketHolds;
import org.boxoffice.ordering.domain.Order;
import org.boxoffice.ordering.domain.OrderItem;
import org.boxoffice.ordering.domain.OrderStatus;
import org.boxoffice.platform.Money;
import org.boxoffice.platform.Outbox;
import org.boxoffice.ticketing.TicketToIssue;
import org.boxoffice.ticketing.Ticketing;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Holding tickets: one short transaction that takes the user's lock, checks their limits,
 * claims the tickets with statements that check availability themselves, and records the
 * order. Free tickets are sold and issued in the same transaction.
 */
@Component
class PlacingOrders {

    private final Catalog catalog;
    private final Orders orders;
    private final TicketHolds holds;
    private final Ticketing ticketing;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PlacingOrders(
            Catalog catalog,
            Orders orders,
            TicketHolds holds,
            Ticketing ticketing,
            Outbox outbox,
            TransactionTemplate transaction,
            Clock clock) {
        this.catalog = catalog;
        this.orders = orders;
        this.holds = holds;
        this.ticketing = ticketing;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
    }

    Order place(UUID userId, OrderRequest request) {
        var terms = SaleTerms.of(catalog.event(request.eventId(), new Viewer(userId, false)));
        var now = clock.instant();
        terms.requireOnSale(now);
        if (request.zone() != null) {
            terms.priceOf(request.zone());
        }
        return transaction.execute(status -> placeLocked(userId, request, terms, now));
    }

    private Order placeLocked(UUID userId, OrderRequest request, SaleTerms terms, Instant now) {
        orders.lockUser(userId);
        checkLimits(userId, request.ticketCount(), terms, now);
        var orderId = UUID.randomUUID();
        var expiresAt = now.plus(terms.holdTime());
        var held = request.seats() != null
                ? holds.holdSeats(terms.eventId(), request.seats(), orderId, expiresAt, now)
                : holds.holdBest(terms.eventId(), request.zone(), request.quantity(), orderId, expiresAt, now);
        var items = held.stream().map(ticket -> item(ticket, terms)).toList();
        var total = items.stream().map(OrderItem::price).reduce(Money::plus).orElseThrow();
        var order = new Order(
                orderId, userId, terms.eventId(), OrderStatus.HELD, items, total, expiresAt, now, null, null, false);
        if (order.isFree()) {
            return sellFree(order, now, terms);
        }
        orders.add(order, terms.limitGroup());
        outbox.append("order", orderId, "OrderPlaced", OrderEvents.placed(order));
        return order;
    }

    private void checkLimits(UUID userId, int quantity, SaleTerms terms, Instant now) {
        if (terms.isActivity() && orders.hasTakenPart(userId, terms.eventId(), now)) {
            throw new Refusals.AlreadyParticipated();
        }
        if (orders.liveOrders(userId, terms.eventId(), terms.limitGroup(), now) >= terms.maxActiveOrdersPerUser()) {
            throw new Refusals.OrderLimit(terms.maxActiveOrdersPerUser());
        }
        if (orders.ticketsOf(userId, terms.eventId(), now) + quantity > terms.maxTicketsPerUser()) {
            throw new Refusals.TicketLimit(terms.maxTicketsPerUser());
        }
    }

    /** Nothing to pay: the tickets are sold and issued at once, in the same transaction. */
    private Order sellFree(Order held, Instant now, SaleTerms terms) {
        var paid = new Order(
                held.id(),
                held.userId(),
                held.eventId(),
                OrderStatus.PAID,
                held.items(),
                held.total(),
                held.expiresAt(),
                held.createdAt(),
                now,
                null,
                false);
        orders.add(paid, terms.limitGroup());
        holds.sell(paid.eventId(), paid.id());
        ticketing.issue(paid.id(), paid.userId(), paid.eventId(), toIssue(paid.items()));
        outbox.append("order", paid.id(), "OrderPaid", OrderEvents.placed(paid));
        return paid;
    }

    private static OrderItem item(HeldTicket ticket, SaleTerms terms) {
        return new OrderItem(ticket.id(), ticket.zone(), ticket.seat(), terms.priceOf(ticket.zone()));
    }

    static List<TicketToIssue> toIssue(List<OrderItem> items) {
        return items.stream()
                .map(item -> new TicketToIssue(item.ticketId(), item.zone(), item.seat()))
                .toList();
    }
}
