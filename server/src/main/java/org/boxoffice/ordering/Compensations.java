package org.boxoffice.ordering;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code compensation} table: cancellations at the airline or a partner still owed. A debt is
 * written in the transaction that ends the order, so no crash can lose it; it is deleted when the
 * other side confirms.
 */
@Repository
class Compensations {

    private final JdbcClient jdbc;

    Compensations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the debt; the first retry is due at {@code firstRetry}. */
    @Transactional(propagation = Propagation.MANDATORY)
    void owe(UUID orderId, UUID eventId, ConfirmedBy confirmedBy, Instant now, Instant firstRetry) {
        jdbc.sql("""
                        INSERT INTO compensation (order_id, event_id, confirmed_by, next_try_at, created_at)
                        VALUES (:orderId, :eventId, :confirmedBy, :firstRetry, :now)
                        ON CONFLICT (order_id) DO NOTHING
                        """)
                .param("orderId", orderId)
                .param("eventId", eventId)
                .param("confirmedBy", confirmedBy.name())
                .param("now", Timestamp.from(now))
                .param("firstRetry", Timestamp.from(firstRetry))
                .update();
    }

    /**
     * Claims up to {@code limit} due compensations by moving their next try into the future, so
     * that another instance does not take them meanwhile: {@code backoff} doubled with every try,
     * at most {@code longestBackoff}.
     */
    List<Orders.EndedOrder> claimDue(Instant now, Duration backoff, Duration longestBackoff, int limit) {
        return jdbc.sql("""
                        UPDATE compensation
                           SET attempts = attempts + 1,
                               next_try_at = CAST(:now AS timestamptz) + make_interval(secs => least(:longest, :backoff * 2 ^ least(attempts, 20)))
                         WHERE order_id IN (
                               SELECT order_id FROM compensation WHERE next_try_at <= :now
                                ORDER BY next_try_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING order_id, event_id, confirmed_by
                        """)
                .param("now", Timestamp.from(now))
                .param("backoff", backoff.toMillis() / 1000.0)
                .param("longest", longestBackoff.toMillis() / 1000.0)
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
