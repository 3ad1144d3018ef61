package org.boxoffice.ordering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.boxoffice.ordering.domain.Order;
import org.boxoffice.ordering.domain.OrderStatus;
import org.boxoffice.platform.Money;
import org.boxoffice.ticketing.IssuedTicket;
import org.jspecify.annotations.Nullable;

/** An order as the API shows it, with its status as seen at the moment of reading. */
public record OrderView(
        UUID id,
        UUID eventId,
        OrderStatus status,
        List<Item> items,
        Money total,
        Instant expiresAt,
        Instant createdAt,
        @Nullable Instant paidAt,
        @Nullable Instant cancelledAt,
        boolean paymentPending,
        List<IssuedTicket> tickets) {

    public record Item(UUID ticketId, String zone, @Nullable String seat, Money price) {}

    static OrderView of(Order order, Instant now, List<IssuedTicket> tickets) {
        var items = order.items().stream()
                .map(item -> new Item(item.ticketId(), item.zone(), item.seat(), item.price()))
                .toList();
        return new OrderView(
                order.id(),
                order.eventId(),
                order.statusAt(now),
                items,
                order.total(),
                order.expiresAt(),
                order.createdAt(),
                order.paidAt(),
                order.cancelledAt(),
                order.paymentPending(),
                tickets);
    }
}
