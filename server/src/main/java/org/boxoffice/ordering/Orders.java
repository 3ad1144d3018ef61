package org.boxoffice.ordering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.boxoffice.ordering.domain.Order;
import org.boxoffice.ordering.domain.OrderItem;
import org.boxoffice.ordering.domain.OrderStatus;
import org.boxoffice.platform.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code customer_order} and {@code order_item} tables. Every status change is a
 * conditional update on the status it expects; a false return means somebody else got there
 * first and nothing changed.
 */
@Repository
class Orders {

    private final JdbcClient jdbc;

    Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Order order, @Nullable String limitGroup, @Nullable ConfirmedBy confirmedBy) {
        jdbc.sql("""
                        INSERT INTO customer_order (id, user_id, event_id, limit_group, status, quantity, total, currency,
                                                    expires_at, created_at, paid_at, confirmed_by)
                        VALUES (:id, :userId, :eventId, :limitGroup, :status, :quantity, :total, :currency,
                                :expiresAt, :createdAt, :paidAt, :confirmedBy)
                        """)
                .param("id", order.id())
                .param("userId", order.userId())
                .param("eventId", order.eventId())
                .param("limitGroup", limitGroup)
                .param("status", order.status().name())
                .param("quantity", order.quantity())
                .param("total", order.total().amount())
                .param("currency", order.total().currency())
                .param("expiresAt", Timestamp.from(order.expiresAt()))
                .param("createdAt", Timestamp.from(order.createdAt()))
                .param("paidAt", order.paidAt() == null ? null : Timestamp.from(order.paidAt()))
                .param("confirmedBy", confirmedBy == null ? null : confirmedBy.name())
                .update();
        for (var item : order.items()) {
            jdbc.sql("""
                            INSERT INTO order_item (order_id, ticket_id, zone, seat, price)
                            VALUES (:orderId, :ticketId, :zone, :seat, :price)
                            """)
                    .param("orderId", order.id())
                    .param("ticketId", item.ticketId())
                    .param("zone", item.zone())
                    .param("seat", item.seat())
                    .param("price", item.price().amount())
                    .update();
        }
    }

    /** Adds new orders of one event, each with its items, in two statements. */
    void addAll(List<Order> orders, @Nullable String limitGroup) {
        if (orders.isEmpty()) {
            return;
        }
        var first = orders.getFirst();
        jdbc.sql("""
                        INSERT INTO customer_order (id, user_id, event_id, limit_group, status, quantity, total, currency,
                                                    expires_at, created_at, paid_at)
                        SELECT id, user_id, :eventId, :limitGroup, status, quantity, total, :currency,
                               :expiresAt, :createdAt, paid_at
                        FROM unnest(:ids, :userIds, :statuses, :quantities, :totals, :paidAt)
                             AS new_order (id, user_id, status, quantity, total, paid_at)
                        """)
                .param("eventId", first.eventId())
                .param("limitGroup", limitGroup)
                .param("currency", first.total().currency())
                .param("expiresAt", Timestamp.from(first.expiresAt()))
                .param("createdAt", Timestamp.from(first.createdAt()))
                .param("ids", orders.stream().map(Order::id).toArray(UUID[]::new))
                .param("userIds", orders.stream().map(Order::userId).toArray(UUID[]::new))
                .param(
                        "statuses",
                        orders.stream().map(order -> order.status().name()).toArray(String[]::new))
                .param("quantities", orders.stream().map(Order::quantity).toArray(Integer[]::new))
                .param(
                        "totals",
                        orders.stream().map(order -> order.total().amount()).toArray(Long[]::new))
                .param("paidAt", orders.stream().map(Orders::paidAt).toArray(Timestamp[]::new))
                .update();
        var items = orders.stream()
                .flatMap(order -> order.items().stream().map(item -> Map.entry(order.id(), item)))
                .toList();
        jdbc.sql("""
                        INSERT INTO order_item (order_id, ticket_id, zone, seat, price)
                        SELECT * FROM unnest(:orderIds, :ticketIds, :zones, :seats, :prices)
                        """)
                .param("orderIds", items.stream().map(Map.Entry::getKey).toArray(UUID[]::new))
                .param(
                        "ticketIds",
                        items.stream().map(item -> item.getValue().ticketId()).toArray(UUID[]::new))
                .param(
                        "zones",
                        items.stream().map(item -> item.getValue().zone()).toArray(String[]::new))
                .param(
                        "seats",
                        items.stream().map(item -> item.getValue().seat()).toArray(String[]::new))
                .param(
                        "prices",
                        items.stream()
                                .map(item -> item.getValue().price().amount())
                                .toArray(Long[]::new))
                .update();
    }

    private static @Nullable Timestamp paidAt(Order order) {
        return order.paidAt() == null ? null : Timestamp.from(order.paidAt());
    }

    Optional<Order> find(UUID id) {
        return jdbc.sql("SELECT * FROM customer_order WHERE id = :id")
                .param("id", id)
                .query(Orders::orderWithoutItems)
                .optional()
                .map(order -> withItems(List.of(order)).getFirst());
    }

    List<Order> ofUser(UUID userId, @Nullable OrderStatus status, Instant now, int page, int size) {
        var orders = jdbc.sql("SELECT * FROM customer_order WHERE user_id = :userId"
                        + " AND (CAST(:status AS text) IS NULL OR " + statusAsSeen() + " = :status)"
                        + " ORDER BY created_at DESC, id LIMIT :size OFFSET :offset")
                .param("userId", userId)
                .param("status", status == null ? null : status.name())
                .param("now", Timestamp.from(now))
                .param("size", size)
                .param("offset", (long) page * size)
                .query(Orders::orderWithoutItems)
                .list();
        return withItems(orders);
    }

    long countOfUser(UUID userId, @Nullable OrderStatus status, Instant now) {
        return jdbc.sql("SELECT count(*) FROM customer_order WHERE user_id = :userId"
                        + " AND (CAST(:status AS text) IS NULL OR " + statusAsSeen() + " = :status)")
                .param("userId", userId)
                .param("status", status == null ? null : status.name())
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    /** PENDING → HELD once the airline or partner confirmed; the hold time starts now. */
    boolean markHeld(UUID id, Instant expiresAt) {
        return jdbc.sql(
                                "UPDATE customer_order SET status = 'HELD', expires_at = :expiresAt WHERE id = :id AND status = 'PENDING'")
                        .param("id", id)
                        .param("expiresAt", Timestamp.from(expiresAt))
                        .update()
                == 1;
    }

    /** PENDING → FAILED: the airline or partner said no, or could not be reached. */
    boolean markFailed(UUID id) {
        return jdbc.sql("UPDATE customer_order SET status = 'FAILED' WHERE id = :id AND status = 'PENDING'")
                        .param("id", id)
                        .update()
                == 1;
    }

    /**
     * Marks FAILED up to {@code limit} orders left PENDING since before {@code cutoff} (their
     * server stopped mid-way); several instances may run this at once.
     */
    List<EndedOrder> failStalePending(Instant cutoff, int limit) {
        return jdbc.sql("""
                        UPDATE customer_order SET status = 'FAILED'
                        WHERE id IN (
                            SELECT id FROM customer_order
                            WHERE status = 'PENDING' AND created_at < :cutoff
                            ORDER BY created_at
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED)
                        RETURNING id, event_id, confirmed_by
                        """)
                .param("cutoff", Timestamp.from(cutoff))
                .param("limit", limit)
                .query(Orders::endedOrder)
                .list();
    }

    /** HELD → HELD with a payment under way; only while the hold has not lapsed. */
    boolean startPayment(UUID id, Instant now) {
        return jdbc.sql("""
                        UPDATE customer_order SET payment_pending = true, payment_started_at = :now
                        WHERE id = :id AND status = 'HELD' AND NOT payment_pending AND expires_at > :now
                        """).param("id", id).param("now", Timestamp.from(now)).update() == 1;
    }

    /**
     * Claims up to {@code limit} orders whose payment has been under way since before {@code
     * cutoff}, for reconciliation: each is left alone by other instances until {@code
     * nextCheck}.
     */
    List<UUID> claimPayingSince(Instant cutoff, Instant now, Instant nextCheck, int limit) {
        return jdbc.sql("""
                        UPDATE customer_order SET payment_check_at = :nextCheck
                        WHERE id IN (
                            SELECT id FROM customer_order
                            WHERE payment_pending AND payment_started_at < :cutoff
                              AND (payment_check_at IS NULL OR payment_check_at <= :now)
                            ORDER BY payment_started_at
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED)
                        RETURNING id
                        """)
                .param("cutoff", Timestamp.from(cutoff))
                .param("now", Timestamp.from(now))
                .param("nextCheck", Timestamp.from(nextCheck))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** The payment was declined: the order is payable again, until its hold lapses. */
    boolean endPayment(UUID id) {
        return jdbc.sql("UPDATE customer_order SET payment_pending = false WHERE id = :id AND payment_pending")
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean markPaid(UUID id, Instant now) {
        return jdbc.sql("""
                        UPDATE customer_order SET status = 'PAID', payment_pending = false, paid_at = :now
                        WHERE id = :id AND status = 'HELD'
                        """).param("id", id).param("now", Timestamp.from(now)).update() == 1;
    }

    boolean markCancelled(UUID id, Instant now) {
        return jdbc.sql("""
                        UPDATE customer_order SET status = 'CANCELLED', cancelled_at = :now
                        WHERE id = :id AND status IN ('HELD', 'PENDING') AND NOT payment_pending AND expires_at > :now
                        """).param("id", id).param("now", Timestamp.from(now)).update() == 1;
    }

    boolean markRefunded(UUID id, Instant now) {
        return jdbc.sql("""
                        UPDATE customer_order SET status = 'REFUNDED', cancelled_at = :now
                        WHERE id = :id AND status = 'PAID'
                        """).param("id", id).param("now", Timestamp.from(now)).update() == 1;
    }

    /** Marks up to {@code limit} lapsed holds EXPIRED; several instances may run this at once. */
    List<EndedOrder> expireLapsed(Instant now, int limit) {
        return jdbc.sql("""
                        UPDATE customer_order SET status = 'EXPIRED'
                        WHERE id IN (
                            SELECT id FROM customer_order
                            WHERE status = 'HELD' AND NOT payment_pending AND expires_at <= :now
                            ORDER BY expires_at
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED)
                        RETURNING id, event_id, confirmed_by
                        """)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(Orders::endedOrder)
                .list();
    }

    /** Who must be told that the order ended, if anyone. */
    @Nullable
    ConfirmedBy confirmedBy(UUID id) {
        return jdbc.sql("SELECT confirmed_by FROM customer_order WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> Optional.ofNullable(rs.getString("confirmed_by")))
                .optional()
                .flatMap(found -> found)
                .map(ConfirmedBy::valueOf)
                .orElse(null);
    }

    /** An order that just ended (lapsed or abandoned), and who outside must be told. */
    record EndedOrder(UUID id, UUID eventId, @Nullable ConfirmedBy confirmedBy) {}

    private static EndedOrder endedOrder(ResultSet rs, int row) throws SQLException {
        var confirmedBy = rs.getString("confirmed_by");
        return new EndedOrder(
                rs.getObject("id", UUID.class),
                rs.getObject("event_id", UUID.class),
                confirmedBy == null ? null : ConfirmedBy.valueOf(confirmedBy));
    }

    /** The status a reader sees: a lapsed hold reads EXPIRED before the sweeper writes it. */
    private static String statusAsSeen() {
        return "(CASE WHEN status = 'HELD' AND NOT payment_pending AND expires_at <= :now THEN 'EXPIRED' ELSE status END)";
    }

    private List<Order> withItems(List<Order> orders) {
        if (orders.isEmpty()) {
            return orders;
        }
        var currencies = new HashMap<UUID, String>();
        orders.forEach(order -> currencies.put(order.id(), order.total().currency()));
        var items = new HashMap<UUID, List<OrderItem>>();
        jdbc.sql("SELECT * FROM order_item WHERE order_id = ANY(:ids) ORDER BY zone, seat, ticket_id")
                .param("ids", currencies.keySet().toArray(UUID[]::new))
                .query(rs -> {
                    var orderId = rs.getObject("order_id", UUID.class);
                    var item = new OrderItem(
                            rs.getObject("ticket_id", UUID.class),
                            rs.getString("zone"),
                            rs.getString("seat"),
                            new Money(rs.getLong("price"), currencies.get(orderId)));
                    items.computeIfAbsent(orderId, id -> new ArrayList<>()).add(item);
                });
        return orders.stream().map(order -> withItems(order, items)).toList();
    }

    private static Order withItems(Order order, Map<UUID, List<OrderItem>> items) {
        return new Order(
                order.id(),
                order.userId(),
                order.eventId(),
                order.status(),
                items.getOrDefault(order.id(), List.of()),
                order.total(),
                order.expiresAt(),
                order.createdAt(),
                order.paidAt(),
                order.cancelledAt(),
                order.paymentPending());
    }

    private static Order orderWithoutItems(ResultSet rs, int row) throws SQLException {
        return new Order(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getObject("event_id", UUID.class),
                OrderStatus.valueOf(rs.getString("status")),
                List.of(),
                new Money(rs.getLong("total"), rs.getString("currency")),
                rs.getTimestamp("expires_at").toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("paid_at")),
                instant(rs.getTimestamp("cancelled_at")),
                rs.getBoolean("payment_pending"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
