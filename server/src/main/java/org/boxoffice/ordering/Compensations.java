package org.boxoffice.ordering;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code compensation} table: cancellations at the airline or a partner still owed. */
@Repository
class Compensations {

    private final JdbcClient jdbc;

    Compensations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void owe(UUID orderId, UUID eventId, ConfirmedBy confirmedBy, Instant firstTry) {
        jdbc.sql("""
                        INSERT INTO compensation (order_id, event_id, confirmed_by, next_try_at, created_at)
                        VALUES (:orderId, :eventId, :confirmedBy, :firstTry, :firstTry)
                        ON CONFLICT (order_id) DO NOTHING
                        """)
                .param("orderId", orderId)
                .param("eventId", eventId)
                .param("confirmedBy", confirmedBy.name())
                .param("firstTry", Timestamp.from(firstTry))
                .update();
    }

    /**
     * Claims up to {@code limit} due compensations by moving their next try {@code backoff} into
     * the future, so that another instance does not take them meanwhile.
     */
    List<Orders.EndedOrder> claimDue(Instant now, Duration backoff, int limit) {
        return jdbc.sql("""
                        UPDATE compensation SET attempts = attempts + 1, next_try_at = :nextTry
                        WHERE order_id IN (
                            SELECT order_id FROM compensation WHERE next_try_at <= :now
                            ORDER BY next_try_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING order_id, event_id, confirmed_by
                        """)
                .param("now", Timestamp.from(now))
                .param("nextTry", Timestamp.from(now.plus(backoff)))
                .param("limit", limit)
                .query((rs, row) -> new Orders.EndedOrder(
                        rs.getObject("order_id", UUID.class),
                        rs.getObject("event_id", UUID.class),
                        ConfirmedBy.valueOf(rs.getString("confirmed_by"))))
                .list();
    }

    void paid(UUID orderId) {
        jdbc.sql("DELETE FROM compensation WHERE order_id = :orderId")
                .param("orderId", orderId)
                .update();
    }

    long outstanding() {
        return jdbc.sql("SELECT count(*) FROM compensation").query(Long.class).single();
    }
}
