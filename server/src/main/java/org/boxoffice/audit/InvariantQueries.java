package org.boxoffice.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One counting query per invariant, over one event or (with a null event) all of them. A live
 * order is PENDING, or HELD with a payment under way or a hold that has not lapsed.
 */
@Repository
class InvariantQueries {

    private static final String LIVE_OR_PAID = """
            (o.status IN ('PENDING', 'PAID') OR (o.status = 'HELD' AND (o.payment_pending OR o.expires_at > :now)))""";
    private static final String EVENT = "(CAST(:eventId AS uuid) IS NULL OR %s = :eventId)";
    /** The ticket {@code t} is an item of its own order. */
    private static final String ITEM_OF_TICKET =
            "EXISTS (SELECT 1 FROM order_item i WHERE i.order_id = t.order_id AND i.ticket_id = t.id)";

    private final JdbcClient jdbc;

    InvariantQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long ticketsInTwoLiveOrders(@Nullable UUID eventId, Instant now) {
        return count(
                "SELECT count(*) FROM (SELECT i.ticket_id FROM order_item i JOIN customer_order o ON o.id = i.order_id"
                        + " WHERE " + LIVE_OR_PAID + " AND " + EVENT.formatted("o.event_id")
                        + " GROUP BY i.ticket_id HAVING count(*) > 1) twice",
                eventId,
                now);
    }

    /*
     * The next two look a ticket's own order up by its primary key (and the order's item by its
     * own), whatever the order's status, and judge the status after. Asked the other way (is
     * there a PAID order with this ticket?), the planner walked the event's PAID orders by their
     * partial index for every sold ticket when its statistics, taken during the sale, said there
     * were hardly any: 17.5 million probes and 44 s for 9,318 tickets right after a flash sale,
     * past the statement timeout.
     */

    long heldTicketsWithoutLiveOrder(@Nullable UUID eventId, Instant now) {
        return count("""
                SELECT count(*) FROM ticket t LEFT JOIN customer_order o ON o.id = t.order_id
                WHERE t.status = 'HELD' AND t.held_until > :now AND %s
                  AND (o.status IS NULL OR o.status NOT IN ('PENDING', 'HELD') OR NOT %s)
                """.formatted(EVENT.formatted("t.event_id"), ITEM_OF_TICKET), eventId, now);
    }

    long soldTicketsWithoutPaidOrder(@Nullable UUID eventId, Instant now) {
        return count("""
                SELECT count(*) FROM ticket t LEFT JOIN customer_order o ON o.id = t.order_id
                WHERE t.status = 'SOLD' AND %s
                  AND (o.status IS DISTINCT FROM 'PAID' OR NOT %s)
                """.formatted(EVENT.formatted("t.event_id"), ITEM_OF_TICKET), eventId, now);
    }

    long paidOrdersMissingTickets(@Nullable UUID eventId, Instant now) {
        return count("""
                SELECT count(*) FROM customer_order o JOIN order_item i ON i.order_id = o.id
                WHERE o.status = 'PAID' AND %s
                  AND NOT EXISTS (
                      SELECT 1 FROM ticket t
                      WHERE t.event_id = o.event_id AND t.id = i.ticket_id AND t.order_id = o.id AND t.status = 'SOLD')
                """.formatted(EVENT.formatted("o.event_id")), eventId, now);
    }

    /** Tickets of PAID orders that have no e-ticket (issued or voided) of that order. */
    long paidTicketsNotIssued(Instant now) {
        return count("""
                SELECT count(*) FROM customer_order o JOIN order_item i ON i.order_id = o.id
                WHERE o.status = 'PAID'
                  AND NOT EXISTS (SELECT 1 FROM issued_ticket e WHERE e.ticket_id = i.ticket_id AND e.order_id = o.id)
                """, null, now);
    }

    /** How long the oldest lapsed hold has waited to be released, in seconds; 0 when none waits. */
    double releaseLagSeconds(Instant now) {
        return jdbc.sql("""
                        SELECT coalesce(extract(epoch FROM :now - min(expires_at)), 0)
                          FROM customer_order
                         WHERE status = 'HELD' AND NOT payment_pending AND expires_at <= :now
                        """)
                .param("now", Timestamp.from(now))
                .query(Double.class)
                .single();
    }

    long lapsedHolds(@Nullable UUID eventId, Instant now) {
        return count("""
                SELECT count(*) FROM customer_order o
                WHERE o.status = 'HELD' AND NOT o.payment_pending AND o.expires_at <= :now AND %s
                """.formatted(EVENT.formatted("o.event_id")), eventId, now);
    }

    long compensationsOwed(@Nullable UUID eventId) {
        return count(
                "SELECT count(*) FROM compensation c WHERE " + EVENT.formatted("c.event_id"), eventId, Instant.EPOCH);
    }

    long paymentsPending(@Nullable UUID eventId) {
        return count(
                "SELECT count(*) FROM customer_order o WHERE o.payment_pending AND " + EVENT.formatted("o.event_id"),
                eventId,
                Instant.EPOCH);
    }

    long zoneCountMismatches(@Nullable UUID eventId, Instant now) {
        return count("""
                SELECT count(*) FROM event_zone z
                WHERE %s AND z.capacity <> (
                    SELECT count(*) FROM ticket t
                    WHERE t.event_id = z.event_id AND t.zone = z.code AND t.status <> 'NOT_FOR_SALE')
                """.formatted(EVENT.formatted("z.event_id")), eventId, now);
    }

    long ordersPendingSince(@Nullable UUID eventId, Instant cutoff) {
        return count(
                "SELECT count(*) FROM customer_order o WHERE o.status = 'PENDING' AND o.created_at < :now AND "
                        + EVENT.formatted("o.event_id"),
                eventId,
                cutoff);
    }

    long paymentsOpenSince(@Nullable UUID eventId, Instant cutoff) {
        return count("""
                SELECT count(*) FROM payment_attempt a JOIN customer_order o ON o.id = a.order_id
                WHERE a.status IN ('PENDING', 'UNKNOWN') AND a.created_at < :now AND %s
                """.formatted(EVENT.formatted("o.event_id")), eventId, cutoff);
    }

    private long count(String sql, @Nullable UUID eventId, Instant now) {
        return jdbc.sql(sql)
                .param("eventId", eventId)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }
}
