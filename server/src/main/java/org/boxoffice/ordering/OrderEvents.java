package org.boxoffice.ordering;

import java.util.List;
import java.util.UUID;
import org.boxoffice.ordering.domain.Order;
import org.jspecify.annotations.Nullable;

/** What the outbox records of an order: enough for a consumer to follow counts and sales. */
final class OrderEvents {

    private OrderEvents() {}

    record OrderChanged(
            UUID orderId,
            UUID eventId,
            UUID userId,
            String status,
            long total,
            String currency,
            List<Ticket> tickets) {}

    record Ticket(UUID ticketId, String zone, @Nullable String seat, long price) {}

    static OrderChanged placed(Order order) {
        return changed(order, order.status().name());
    }

    static OrderChanged changed(Order order, String status) {
        var tickets = order.items().stream()
                .map(item -> new Ticket(
                        item.ticketId(), item.zone(), item.seat(), item.price().amount()))
                .toList();
        return new OrderChanged(
                order.id(),
                order.eventId(),
                order.userId(),
                status,
                order.total().amount(),
                order.total().currency(),
                tickets);
    }
}
