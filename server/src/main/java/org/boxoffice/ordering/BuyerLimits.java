package org.boxoffice.ordering;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a buyer already has, counted for their limits: live orders per event or limit group,
 * tickets per event. Counted under the buyer's lock, so parallel requests of one buyer cannot
 * both pass.
 */
@Repository
class BuyerLimits {

    private final JdbcClient jdbc;

    BuyerLimits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An order counts against a user's limits while it holds tickets or a payment is open. */
    private static final String LIVE =
            "(status = 'PENDING' OR (status = 'HELD' AND (payment_pending OR expires_at > :now)))";

    /** Serializes a user's order creation; released when the transaction ends. */
    void lockUser(UUID userId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)")
                .param("key", userId.getMostSignificantBits() ^ userId.getLeastSignificantBits())
                .query()
                .singleValue();
    }

    /** Live orders of the user for the event, or for any event of its limit group. */
    int liveOrders(UUID userId, UUID eventId, @Nullable String limitGroup, Instant now) {
        return jdbc.sql("SELECT count(*) FROM customer_order WHERE user_id = :userId"
                        + " AND (event_id = :eventId OR limit_group = :limitGroup) AND " + LIVE)
                .param("userId", userId)
                .param("eventId", eventId)
                .param("limitGroup", limitGroup)
                .param("now", Timestamp.from(now))
                .query(Integer.class)
                .single();
    }

    /** Tickets the user holds or has bought for the event. */
    int ticketsOf(UUID userId, UUID eventId, Instant now) {
        return jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM customer_order WHERE user_id = :userId"
                        + " AND event_id = :eventId AND (status = 'PAID' OR " + LIVE + ")")
                .param("userId", userId)
                .param("eventId", eventId)
                .param("now", Timestamp.from(now))
                .query(Integer.class)
                .single();
    }

    /** Whether the user holds a live or paid order for the event. */
    boolean hasTakenPart(UUID userId, UUID eventId, Instant now) {
        return ticketsOf(userId, eventId, now) > 0;
    }
}
