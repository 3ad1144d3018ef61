package org.boxoffice.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The statements that change a ticket's status. Each one checks the status it expects in its
 * own WHERE clause, so no decision rests on an earlier read.
 */
@Repository
class TicketStatements {

    private final JdbcClient jdbc;

    TicketStatements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims those of the seats that are free (or whose hold lapsed). Rows are locked in seat
     * order, so two buyers of overlapping seats queue instead of deadlocking; a row that changed
     * while we waited is re-checked and skipped.
     */
    List<HeldTicket> claimSeats(UUID eventId, List<String> seats, UUID orderId, Instant heldUntil, Instant now) {
        return jdbc.sql("""
                        WITH wanted AS (
                            SELECT id FROM ticket
                            WHERE event_id = :eventId AND seat = ANY(:seats)
                              AND (status = 'AVAILABLE' OR (status = 'HELD' AND held_until < :now))
                            ORDER BY seat
                            FOR UPDATE
                        )
                        UPDATE ticket SET status = 'HELD', order_id = :orderId, held_until = :heldUntil
                        FROM wanted
                        WHERE ticket.event_id = :eventId AND ticket.id = wanted.id
                        RETURNING ticket.id, ticket.zone, ticket.seat
                        """)
                .param("eventId", eventId)
                .param("seats", seats.toArray(String[]::new))
                .param("orderId", orderId)
                .param("heldUntil", Timestamp.from(heldUntil))
                .param("now", Timestamp.from(now))
                .query(TicketStatements::heldTicket)
                .list();
    }

    Set<String> existingSeats(UUID eventId, List<String> seats) {
        return jdbc
                .sql("SELECT seat FROM ticket WHERE event_id = :eventId AND seat = ANY(:seats)")
                .param("eventId", eventId)
                .param("seats", seats.toArray(String[]::new))
                .query(String.class)
                .list()
                .stream()
                .collect(Collectors.toSet());
    }

    /** Where a best-available claim looks: free tickets, or holds that lapsed but were not swept yet. */
    enum Pool {
        AVAILABLE("status = 'AVAILABLE'"),
        LAPSED("status = 'HELD' AND held_until < :now");

        private final String condition;

        Pool(String condition) {
            this.condition = condition;
        }
    }

    /** A claim of the best {@code quantity} tickets of a zone for an order, passing over {@code excluded} seats. */
    record ZoneClaim(
            UUID eventId,
            String zone,
            int quantity,
            UUID orderId,
            Instant heldUntil,
            Instant now,
            Set<String> excluded) {}

    /** The best-ranked tickets of the pool, skipping rows another buyer is locking right now. */
    List<HeldTicket> claimBest(Pool pool, ZoneClaim claim) {
        return jdbc.sql("""
                        WITH picked AS (
                            SELECT id FROM ticket
                            WHERE event_id = :eventId AND zone = :zone AND %s
                              AND (seat IS NULL OR NOT seat = ANY(:excluded))
                            ORDER BY rank
                            LIMIT :quantity
                            FOR UPDATE SKIP LOCKED
                        )
                        UPDATE ticket SET status = 'HELD', order_id = :orderId, held_until = :heldUntil
                        FROM picked
                        WHERE ticket.event_id = :eventId AND ticket.id = picked.id
                        RETURNING ticket.id, ticket.zone, ticket.seat
                        """.formatted(pool.condition))
                .param("eventId", claim.eventId())
                .param("zone", claim.zone())
                .param("quantity", claim.quantity())
                .param("orderId", claim.orderId())
                .param("heldUntil", Timestamp.from(claim.heldUntil()))
                .param("now", Timestamp.from(claim.now()))
                .param("excluded", claim.excluded().toArray(String[]::new))
                .query(TicketStatements::heldTicket)
                .list();
    }

    /**
     * Locks the best {@code quantity} tickets of the pool in a zone without changing them,
     * skipping rows another transaction is locking, best first. {@link #assign} then gives them
     * to orders; whatever is not assigned stays as it was.
     */
    List<HeldTicket> lockBest(Pool pool, UUID eventId, String zone, int quantity, Instant now) {
        return jdbc.sql("""
                        SELECT id, zone, seat FROM ticket
                        WHERE event_id = :eventId AND zone = :zone AND %s
                        ORDER BY rank
                        LIMIT :quantity
                        FOR UPDATE SKIP LOCKED
                        """.formatted(pool.condition))
                .param("eventId", eventId)
                .param("zone", zone)
                .param("quantity", quantity)
                .param("now", Timestamp.from(now))
                .query(TicketStatements::heldTicket)
                .list();
    }

    /** Locks those of the seats that are free (or whose hold lapsed), in seat order, without changing them. */
    List<HeldTicket> lockSeats(UUID eventId, Collection<String> seats, Instant now) {
        return jdbc.sql("""
                        SELECT id, zone, seat FROM ticket
                        WHERE event_id = :eventId AND seat = ANY(:seats)
                          AND (status = 'AVAILABLE' OR (status = 'HELD' AND held_until < :now))
                        ORDER BY seat
                        FOR UPDATE
                        """)
                .param("eventId", eventId)
                .param("seats", seats.toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .query(TicketStatements::heldTicket)
                .list();
    }

    /** Holds locked tickets for their orders: {@code orderIds[i]} gets {@code ticketIds[i]}. */
    int assign(UUID eventId, List<UUID> ticketIds, List<UUID> orderIds, Instant heldUntil) {
        return jdbc.sql("""
                        UPDATE ticket SET status = 'HELD', order_id = assigned.order_id, held_until = :heldUntil
                        FROM unnest(:ticketIds, :orderIds) AS assigned (ticket_id, order_id)
                        WHERE ticket.event_id = :eventId AND ticket.id = assigned.ticket_id
                        """)
                .param("eventId", eventId)
                .param("ticketIds", ticketIds.toArray(UUID[]::new))
                .param("orderIds", orderIds.toArray(UUID[]::new))
                .param("heldUntil", Timestamp.from(heldUntil))
                .update();
    }

    int extend(UUID eventId, UUID orderId, Instant heldUntil) {
        return jdbc.sql("""
                        UPDATE ticket SET held_until = :heldUntil
                        WHERE event_id = :eventId AND order_id = :orderId AND status = 'HELD'
                        """)
                .param("eventId", eventId)
                .param("orderId", orderId)
                .param("heldUntil", Timestamp.from(heldUntil))
                .update();
    }

    int sell(UUID eventId, UUID orderId) {
        return jdbc.sql("""
                        UPDATE ticket SET status = 'SOLD', held_until = NULL
                        WHERE event_id = :eventId AND order_id = :orderId AND status = 'HELD'
                        """).param("eventId", eventId).param("orderId", orderId).update();
    }

    int sellAll(UUID eventId, Collection<UUID> orderIds) {
        return jdbc.sql("""
                        UPDATE ticket SET status = 'SOLD', held_until = NULL
                        WHERE event_id = :eventId AND order_id = ANY(:orderIds) AND status = 'HELD'
                        """)
                .param("eventId", eventId)
                .param("orderIds", orderIds.toArray(UUID[]::new))
                .update();
    }

    int release(UUID eventId, UUID orderId) {
        return jdbc.sql("""
                        UPDATE ticket SET status = 'AVAILABLE', order_id = NULL, held_until = NULL
                        WHERE event_id = :eventId AND order_id = :orderId AND status = 'HELD'
                        """).param("eventId", eventId).param("orderId", orderId).update();
    }

    int releaseAll(Collection<UUID> orderIds) {
        return jdbc.sql("""
                        UPDATE ticket SET status = 'AVAILABLE', order_id = NULL, held_until = NULL
                        WHERE order_id = ANY(:orderIds) AND status = 'HELD'
                        """).param("orderIds", orderIds.toArray(UUID[]::new)).update();
    }

    int returnSold(UUID eventId, UUID orderId) {
        return jdbc.sql("""
                        UPDATE ticket SET status = 'AVAILABLE', order_id = NULL, held_until = NULL
                        WHERE event_id = :eventId AND order_id = :orderId AND status = 'SOLD'
                        """).param("eventId", eventId).param("orderId", orderId).update();
    }

    private static HeldTicket heldTicket(ResultSet rs, int row) throws SQLException {
        return new HeldTicket(rs.getObject("id", UUID.class), rs.getString("zone"), rs.getString("seat"));
    }
}
