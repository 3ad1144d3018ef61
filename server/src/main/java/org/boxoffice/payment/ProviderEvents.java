package org.boxoffice.payment;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code payment_event} table: each webhook the provider sent, once. */
@Repository
class ProviderEvents {

    private final JdbcClient jdbc;

    ProviderEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the notice; false when the same notice was recorded before. */
    boolean add(WebhookNotice notice, Instant now) {
        return jdbc.sql("""
                        INSERT INTO payment_event (payment_id, status, order_id, amount, currency, received_at)
                        VALUES (:paymentId, :status, :orderId, :amount, :currency, :now)
                        ON CONFLICT (payment_id, status) DO NOTHING
                        """)
                        .param("paymentId", notice.paymentId())
                        .param("status", notice.status().name())
                        .param("orderId", notice.orderId())
                        .param("amount", notice.amount().amount())
                        .param("currency", notice.amount().currency())
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }
}
