package org.boxoffice.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rules that hold whatever happened, checked straight in the database: no ticket in two
 * live orders, every held or sold ticket belongs to the right order, and the counts add up.
 */
final class Invariants {

    private final JdbcClient jdbc;

    Invariants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void check(UUID eventId) {
        assertThat(ticketsInTwoLiveOrders(eventId))
                .as("tickets in two live or paid orders")
                .isZero();
        assertThat(heldTicketsWithoutTheirOrder(eventId))
                .as("held tickets not in their live order")
                .isZero();
        assertThat(soldTicketsWithoutAPaidOrder(eventId))
                .as("sold tickets not in their paid order")
                .isZero();
        assertThat(paidOrdersMissingTickets(eventId))
                .as("paid orders whose tickets are not sold to them")
                .isZero();
    }

    private long ticketsInTwoLiveOrders(UUID eventId) {
        return jdbc.sql("""
                        SELECT count(*) FROM (
                            SELECT i.ticket_id FROM order_item i JOIN customer_order o ON o.id = i.order_id
                            WHERE o.event_id = :eventId AND o.status IN ('PENDING', 'HELD', 'PAID')
                              AND (o.status <> 'HELD' OR o.payment_pending OR o.expires_at > now())
                            GROUP BY i.ticket_id HAVING count(*) > 1) twice
                        """).param("eventId", eventId).query(Long.class).single();
    }

    private long heldTicketsWithoutTheirOrder(UUID eventId) {
        return jdbc.sql("""
                        SELECT count(*) FROM ticket t
                        WHERE t.event_id = :eventId AND t.status = 'HELD' AND t.held_until > now()
                          AND NOT EXISTS (
                              SELECT 1 FROM order_item i JOIN customer_order o ON o.id = i.order_id
                              WHERE i.ticket_id = t.id AND o.id = t.order_id AND o.status = 'HELD')
                        """).param("eventId", eventId).query(Long.class).single();
    }

    private long soldTicketsWithoutAPaidOrder(UUID eventId) {
        return jdbc.sql("""
                        SELECT count(*) FROM ticket t
                        WHERE t.event_id = :eventId AND t.status = 'SOLD'
                          AND NOT EXISTS (
                              SELECT 1 FROM order_item i JOIN customer_order o ON o.id = i.order_id
                              WHERE i.ticket_id = t.id AND o.id = t.order_id AND o.status = 'PAID')
                        """).param("eventId", eventId).query(Long.class).single();
    }

    private long paidOrdersMissingTickets(UUID eventId) {
        return jdbc.sql("""
                        SELECT count(*) FROM customer_order o JOIN order_item i ON i.order_id = o.id
                        WHERE o.event_id = :eventId AND o.status = 'PAID'
                          AND NOT EXISTS (
                              SELECT 1 FROM ticket t
                              WHERE t.event_id = o.event_id AND t.id = i.ticket_id AND t.order_id = o.id
                                AND t.status = 'SOLD')
                        """).param("eventId", eventId).query(Long.class).single();
    }
}
