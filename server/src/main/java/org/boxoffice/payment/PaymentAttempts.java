package org.boxoffice.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.boxoffice.platform.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code payment_attempt} table. Status changes are conditional updates on the old status. */
@Repository
class PaymentAttempts {

    private final JdbcClient jdbc;

    PaymentAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serializes charges of one order until the transaction ends. */
    void lockOrder(UUID orderId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('payment_attempt'), hashtext(:orderId))")
                .param("orderId", orderId.toString())
                .query()
                .singleRow();
    }

    void add(PaymentAttempt attempt) {
        jdbc.sql("""
                        INSERT INTO payment_attempt (attempt_key, order_id, amount, currency, status,
                            provider_payment_id, created_at, updated_at, calls_end_by, next_check_at)
                        VALUES (:key, :orderId, :amount, :currency, :status,
                            :paymentId, :createdAt, :createdAt, :callsEndBy, :callsEndBy)
                        """)
                .param("key", attempt.attemptKey())
                .param("orderId", attempt.orderId())
                .param("amount", attempt.amount().amount())
                .param("currency", attempt.amount().currency())
                .param("status", attempt.status().name())
                .param("paymentId", attempt.paymentId())
                .param("createdAt", Timestamp.from(attempt.createdAt()))
                .param("callsEndBy", Timestamp.from(attempt.callsEndBy()))
                .update();
    }

    Optional<PaymentAttempt> find(String attemptKey) {
        return jdbc.sql("SELECT * FROM payment_attempt WHERE attempt_key = :key")
                .param("key", attemptKey)
                .query(PaymentAttempts::attempt)
                .optional();
    }

    List<PaymentAttempt> ofOrder(UUID orderId) {
        return jdbc.sql("SELECT * FROM payment_attempt WHERE order_id = :orderId ORDER BY created_at")
                .param("orderId", orderId)
                .query(PaymentAttempts::attempt)
                .list();
    }

    Optional<PaymentAttempt> withPaymentId(String paymentId) {
        return jdbc.sql("SELECT * FROM payment_attempt WHERE provider_payment_id = :paymentId")
                .param("paymentId", paymentId)
                .query(PaymentAttempts::attempt)
                .optional();
    }

    /** The order's latest attempt that the provider has not given an id to yet and that may still succeed. */
    Optional<PaymentAttempt> awaitingPaymentId(UUID orderId) {
        return jdbc.sql("""
                        SELECT * FROM payment_attempt
                        WHERE order_id = :orderId AND provider_payment_id IS NULL
                          AND status IN ('PENDING', 'UNKNOWN', 'FAILED')
                        ORDER BY created_at DESC LIMIT 1
                        """)
                .param("orderId", orderId)
                .query(PaymentAttempts::attempt)
                .optional();
    }

    boolean hasSucceeded(UUID orderId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM payment_attempt
                                       WHERE order_id = :orderId AND status = 'SUCCEEDED')
                        """).param("orderId", orderId).query(Boolean.class).single();
    }

    boolean hasOpen(UUID orderId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM payment_attempt
                                       WHERE order_id = :orderId AND status IN ('PENDING', 'UNKNOWN'))
                        """).param("orderId", orderId).query(Boolean.class).single();
    }

    /** How many attempts, of all orders, are still waiting for the provider's word. */
    double countOpen() {
        return jdbc.sql("SELECT count(*) FROM payment_attempt WHERE status IN ('PENDING', 'UNKNOWN')")
                .query(Long.class)
                .single();
    }

    /** Notes that the provider is being called (again) for the attempt. */
    void calling(String attemptKey, Instant callsEndBy) {
        jdbc.sql("""
                        UPDATE payment_attempt
                        SET calls_end_by = :callsEndBy, next_check_at = GREATEST(next_check_at, :callsEndBy)
                        WHERE attempt_key = :key
                        """)
                .param("key", attemptKey)
                .param("callsEndBy", Timestamp.from(callsEndBy))
                .update();
    }

    /** Moves the attempt to {@code to} if its status allows; false when it does not (nothing changed). */
    boolean move(
            String attemptKey, AttemptStatus to, @Nullable String paymentId, @Nullable String reason, Instant now) {
        return jdbc.sql("""
                        UPDATE payment_attempt
                        SET status = :to,
                            provider_payment_id = COALESCE(CAST(:paymentId AS text), provider_payment_id),
                            decline_reason = COALESCE(CAST(:reason AS text), decline_reason),
                            updated_at = :now
                        WHERE attempt_key = :key AND status = ANY(:from)
                        """)
                        .param("key", attemptKey)
                        .param("to", to.name())
                        .param("paymentId", paymentId)
                        .param("reason", reason)
                        .param("now", Timestamp.from(now))
                        .param("from", names(to))
                        .update()
                == 1;
    }

    /**
     * Records that the provider took another amount than the attempt asked for, and has
     * reconciliation refund it at once; false when the attempt's status does not allow it.
     */
    boolean moveToMismatched(String attemptKey, String paymentId, String reason, Instant now) {
        return jdbc.sql("""
                        UPDATE payment_attempt
                        SET status = 'MISMATCHED', provider_payment_id = :paymentId, decline_reason = :reason,
                            updated_at = :now, next_check_at = :now
                        WHERE attempt_key = :key AND status = ANY(:from)
                        """)
                        .param("key", attemptKey)
                        .param("paymentId", paymentId)
                        .param("reason", reason)
                        .param("now", Timestamp.from(now))
                        .param("from", names(AttemptStatus.MISMATCHED))
                        .update()
                == 1;
    }

    /** Moves a pending attempt to UNKNOWN and has reconciliation look at it at {@code nextCheck}. */
    boolean moveToUnknown(String attemptKey, Instant now, Instant nextCheck) {
        return jdbc.sql("""
                        UPDATE payment_attempt
                        SET status = 'UNKNOWN', updated_at = :now, next_check_at = :nextCheck
                        WHERE attempt_key = :key AND status = ANY(:from)
                        """)
                        .param("key", attemptKey)
                        .param("now", Timestamp.from(now))
                        .param("nextCheck", Timestamp.from(nextCheck))
                        .param("from", names(AttemptStatus.UNKNOWN))
                        .update()
                == 1;
    }

    /**
     * Claims open attempts (and mismatched ones, to refund) that are due for a check and puts their next check at {@code
     * nextCheck}. Instances running this at once claim different attempts.
     */
    List<String> claimDue(Instant now, int limit, Instant nextCheck) {
        return jdbc.sql("""
                        UPDATE payment_attempt SET next_check_at = :nextCheck
                        WHERE attempt_key IN (
                            SELECT attempt_key FROM payment_attempt
                            WHERE status IN ('PENDING', 'UNKNOWN', 'MISMATCHED') AND next_check_at <= :now
                            ORDER BY next_check_at
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED)
                        RETURNING attempt_key
                        """)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .param("nextCheck", Timestamp.from(nextCheck))
                .query(String.class)
                .list();
    }

    private static String[] names(AttemptStatus to) {
        return to.reachableFrom().stream().map(AttemptStatus::name).toArray(String[]::new);
    }

    private static PaymentAttempt attempt(ResultSet rs, int row) throws SQLException {
        return new PaymentAttempt(
                rs.getString("attempt_key"),
                rs.getObject("order_id", UUID.class),
                new Money(rs.getLong("amount"), rs.getString("currency")),
                AttemptStatus.valueOf(rs.getString("status")),
                rs.getString("provider_payment_id"),
                rs.getString("decline_reason"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("calls_end_by").toInstant());
    }
}
