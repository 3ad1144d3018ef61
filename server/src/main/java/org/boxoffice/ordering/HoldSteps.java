package org.boxoffice.ordering;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of one hold, inside the caller's transaction: take the user's lock, check their limits,
 * claim the tickets with statements that check availability themselves, record the order. Free
 * tickets are sold and issued at once. Used by the single path ({@link SingleHolds}) and by holds
 * that a provider confirms; the grouped path takes the same steps for many holds at once ({@link
 * GroupTransaction}).
 */
@Component
class HoldSteps {

    /** How long tickets stay ours while the airline or partner has not answered yet. */
    static final Duration CONFIRMATION_WINDOW = Duration.ofMinutes(3);

    private final Orders orders;
    private final BuyerLimits limits;
    private final TicketHolds holds;
    private final Ticketing ticketing;
    private final Outbox outbox;

    HoldSteps(Orders orders, BuyerLimits limits, TicketHolds holds, Ticketing ticketing, Outbox outbox) {
        this.orders = orders;
        this.limits = limits;
        this.holds = holds;
        this.ticketing = ticketing;
        this.outbox = outbox;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Order hold(UUID userId, OrderRequest request, SaleTerms terms, Instant now, Set<String> soldElsewhere) {
        limits.lockUser(userId);
        checkLimits(userId, request.ticketCount(), terms, now);
        var orderId = UUID.randomUUID();
        // A hold that someone outside must confirm stays PENDING (its tickets ours) until they
        // answer; its hold time starts once they have.
        var pending = terms.needsConfirmation();
        var expiresAt = now.plus(pending ? CONFIRMATION_WINDOW : terms.holdTime());
        var held = request.seats() != null
                ? holds.holdSeats(terms.eventId(), request.seats(), orderId, expiresAt, now)
                : holds.holdBest(
                        terms.eventId(), request.zone(), request.quantity(), orderId, expiresAt, now, soldElsewhere);
        var items = held.stream().map(ticket -> item(ticket, terms)).toList();
        var total = items.stream().map(OrderItem::price).reduce(Money::plus).orElseThrow();
        var status = pending ? OrderStatus.PENDING : OrderStatus.HELD;
        var order =
                new Order(orderId, userId, terms.eventId(), status, items, total, expiresAt, now, null, null, false);
        if (order.isFree() && !pending) {
            return sellFree(order, now, terms);
        }
        orders.add(order, terms.limitGroup(), Confirmations.of(terms));
        outbox.append("order", orderId, pending ? "OrderRequested" : "OrderHeld", OrderEvents.placed(order));
        return order;
    }

    private void checkLimits(UUID userId, int quantity, SaleTerms terms, Instant now) {
        var standing = limits.standings(List.of(userId), terms.eventId(), terms.limitGroup(), now)
                .getOrDefault(userId, BuyerLimits.Standing.NOTHING);
        var refusal = standing.refusal(terms, quantity);
        if (refusal != null) {
            throw refusal;
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
        orders.add(paid, terms.limitGroup(), null);
        holds.sell(paid.eventId(), paid.id());
        ticketing.issue(paid.id(), paid.userId(), paid.eventId(), toIssue(paid.items()));
        outbox.append("order", paid.id(), "OrderPaid", OrderEvents.placed(paid));
        return paid;
    }

    static OrderItem item(HeldTicket ticket, SaleTerms terms) {
        return new OrderItem(ticket.id(), ticket.zone(), ticket.seat(), terms.priceOf(ticket.zone()));
    }

    static List<TicketToIssue> toIssue(List<OrderItem> items) {
        return items.stream()
                .map(item -> new TicketToIssue(item.ticketId(), item.zone(), item.seat()))
                .toList();
    }
}
