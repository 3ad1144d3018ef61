package org.boxoffice.ordering;

import java.time.Clock;
import java.util.List;
import org.boxoffice.ordering.domain.Order;
import org.boxoffice.ordering.domain.OrderStatus;
import org.boxoffice.ticketing.IssuedTicket;
import org.boxoffice.ticketing.Ticketing;
import org.springframework.stereotype.Component;

/** Orders as the API shows them, with their e-tickets once sold. */
@Component
class OrderViews {

    private final Ticketing ticketing;
    private final Clock clock;

    OrderViews(Ticketing ticketing, Clock clock) {
        this.ticketing = ticketing;
        this.clock = clock;
    }

    OrderView of(Order order) {
        var tickets = order.status() == OrderStatus.PAID || order.status() == OrderStatus.REFUNDED
                ? ticketing.ofOrder(order.id())
                : List.<IssuedTicket>of();
        return OrderView.of(order, clock.instant(), tickets);
    }
}
