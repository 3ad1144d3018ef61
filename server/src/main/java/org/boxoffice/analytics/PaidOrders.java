package org.boxoffice.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads (never writes) an event's paid orders, their items and e-tickets from the ordering and
 * ticketing tables, through the index of paid orders by event. Only orders that are PAID now
 * count: a refunded order's tickets are back on sale and its e-tickets void.
 */
@Repository
class PaidOrders {

    private static final String SLICES = """
            SELECT i.zone,
                   date_trunc('minute', o.paid_at, 'UTC') AS minute,
                   count(*)                               AS sold,
                   sum(i.price)                           AS revenue
            FROM customer_order o
            JOIN order_item i ON i.order_id = o.id
            WHERE o.event_id = :eventId AND o.status = 'PAID'
            GROUP BY i.zone, minute
            ORDER BY minute, i.zone
            """;

    private static final String SOLD_TICKETS = """
            SELECT o.id AS order_id, i.ticket_id, i.zone, i.seat, e.code, i.price, o.currency, o.user_id, o.paid_at
            FROM customer_order o
            JOIN order_item i ON i.order_id = o.id
            LEFT JOIN issued_ticket e ON e.ticket_id = i.ticket_id AND e.order_id = o.id
            WHERE o.event_id = :eventId AND o.status = 'PAID'
            ORDER BY o.paid_at, o.id, i.ticket_id
            """;

    private final JdbcClient jdbc;

    PaidOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per zone and minute of payment, the tickets sold and their revenue, earliest minute first. */
    List<PaidSlice> slices(UUID eventId) {
        return jdbc.sql(SLICES)
                .param("eventId", eventId)
                .query((rs, row) -> new PaidSlice(
                        rs.getString("zone"),
                        rs.getTimestamp("minute").toInstant(),
                        rs.getLong("sold"),
                        rs.getLong("revenue")))
                .list();
    }

    /**
     * Hands every sold ticket to {@code action} in order of payment, reading {@code fetchSize}
     * rows at a time. PostgreSQL reads through a cursor only inside a transaction, so callers
     * must have one open; otherwise the whole result lands in memory first.
     */
    void eachSoldTicket(UUID eventId, int fetchSize, Consumer<SoldTicket> action) {
        jdbc.sql(SOLD_TICKETS)
                .withFetchSize(fetchSize)
                .param("eventId", eventId)
                .query((RowCallbackHandler) rs -> action.accept(soldTicket(rs)));
    }

    private static SoldTicket soldTicket(ResultSet rs) throws SQLException {
        return new SoldTicket(
                rs.getObject("order_id", UUID.class),
                rs.getObject("ticket_id", UUID.class),
                rs.getString("zone"),
                rs.getString("seat"),
                rs.getString("code"),
                rs.getLong("price"),
                rs.getString("currency"),
                rs.getObject("user_id", UUID.class),
                instant(rs.getTimestamp("paid_at")));
    }

    private static java.time.Instant instant(@Nullable Timestamp timestamp) {
        if (timestamp == null) {
            throw new IllegalStateException("A paid order without paid_at");
        }
        return timestamp.toInstant();
    }
}
