package org.boxoffice.ordering;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.boxoffice.ordering.domain.OrderStatus;
import org.boxoffice.platform.RequestKey;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The ordering module's face: a user's orders, from hold to payment, cancellation and refund. */
@Service
public class Ordering {

    private final HoldShedding shedding;
    private final PlacingOrders placing;
    private final PayingOrders paying;
    private final CancellingOrders cancelling;
    private final Orders orders;
    private final OrderViews views;
    private final Clock clock;
    private final HoldMeters meters;

    Ordering(
            HoldShedding shedding,
            PlacingOrders placing,
            PayingOrders paying,
            CancellingOrders cancelling,
            Orders orders,
            OrderViews views,
            Clock clock,
            HoldMeters meters) {
        this.shedding = shedding;
        this.placing = placing;
        this.paying = paying;
        this.cancelling = cancelling;
        this.orders = orders;
        this.views = views;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Holds the tickets asked for (HELD), or sells free ones outright (PAID); refused at once,
     * before anything is read, while the event's holds already wait too long ({@link HoldShedding}).
     *
     * @param admissionToken the waiting room's token, needed for events behind one
     * @param key the request's {@code Idempotency-Key}, claimed and answered together with the
     *     hold (none when the caller keeps no key)
     */
    public OrderView place(
            UUID userId, OrderRequest request, @Nullable String admissionToken, @Nullable RequestKey key) {
        long startedAt = System.nanoTime();
        try {
            var order = placeIfNotShed(userId, request, admissionToken, key);
            meters.held(order.status().name(), startedAt);
            return order;
        } catch (RuntimeException refusal) {
            meters.refused(refusal, startedAt);
            throw refusal;
        }
    }

    private OrderView placeIfNotShed(
            UUID userId, OrderRequest request, @Nullable String admissionToken, @Nullable RequestKey key) {
        var inFlight = shedding.admit(request.eventId());
        try {
            return placing.place(userId, request, admissionToken, key);
        } finally {
            inFlight.close();
        }
    }

    /** Pays a held order: PAID, or still HELD with {@code paymentPending} when the outcome is open. */
    public OrderView pay(UUID userId, UUID orderId) {
        return views.of(paying.pay(userId, orderId));
    }

    public OrderView cancel(UUID userId, UUID orderId) {
        return views.of(cancelling.cancel(userId, orderId));
    }

    /** The user's order; another user's order does not exist for them. */
    public OrderView order(UUID userId, UUID orderId) {
        return orders.find(orderId)
                .filter(order -> order.userId().equals(userId))
                .map(views::of)
                .orElseThrow(() -> new Refusals.OrderNotFound(orderId));
    }

    public List<OrderView> ordersOf(UUID userId, @Nullable OrderStatus status, int page, int size) {
        return orders.ofUser(userId, status, clock.instant(), page, size).stream()
                .map(views::of)
                .toList();
    }

    public long countOf(UUID userId, @Nullable OrderStatus status) {
        return orders.countOfUser(userId, status, clock.instant());
    }
}
