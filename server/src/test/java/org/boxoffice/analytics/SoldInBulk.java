package org.boxoffice.analytics;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sells the first {@code tickets} FLOOR places of an arena straight in the database, as paid
 * orders of {@code perOrder} tickets with their items and e-tickets, consistent with what paying
 * through the API leaves behind (the invariant check passes), in a few statements instead of
 * thousands of requests. Order and user ids are derived from the place's rank, so that no
 * statement needs a join (the planner knows nothing yet of the rows just written).
 */
final class SoldInBulk {

    private static final String ORDER_OF_TICKET = "md5(:event || '/order/' || ((rank - 1) / :perOrder))::uuid";
    private static final String USER_OF_TICKET = "md5(:event || '/user/' || ((rank - 1) / :perOrder))::uuid";
    private static final String SOLD_FLOOR = "event_id = CAST(:event AS uuid) AND zone = 'FLOOR' AND rank <= :tickets";

    private SoldInBulk() {}

    static void floor(JdbcClient jdbc, UUID event, int tickets, int perOrder, long price) {
        run(
                jdbc,
                "UPDATE ticket SET status = 'SOLD', order_id = %s WHERE %s".formatted(ORDER_OF_TICKET, SOLD_FLOOR),
                event,
                tickets,
                perOrder,
                price);
        run(jdbc, """
                INSERT INTO customer_order (id, user_id, event_id, status, quantity, total, currency,
                                            expires_at, created_at, paid_at)
                SELECT order_id, %s, CAST(:event AS uuid), 'PAID', count(*), count(*) * :price, 'KZT', now(), now(), now()
                FROM ticket WHERE %s
                GROUP BY 1, 2
                """.formatted(USER_OF_TICKET, SOLD_FLOOR), event, tickets, perOrder, price);
        run(jdbc, """
                INSERT INTO order_item (order_id, ticket_id, zone, seat, price)
                SELECT order_id, id, zone, seat, :price FROM ticket WHERE %s
                """.formatted(SOLD_FLOOR), event, tickets, perOrder, price);
        run(jdbc, """
                INSERT INTO issued_ticket (ticket_id, order_id, event_id, user_id, zone, seat, code, qr, status,
                                           issued_at)
                SELECT id, order_id, event_id, %s, zone, seat, 'BULK' || md5(id::text), 'bulk', 'VALID', now()
                FROM ticket WHERE %s
                """.formatted(USER_OF_TICKET, SOLD_FLOOR), event, tickets, perOrder, price);
        jdbc.sql("ANALYZE customer_order, order_item, issued_ticket").update();
    }

    private static void run(JdbcClient jdbc, String sql, UUID event, int tickets, int perOrder, long price) {
        jdbc.sql(sql)
                .param("event", event.toString())
                .param("tickets", tickets)
                .param("perOrder", perOrder)
                .param("price", price)
                .update();
    }
}
