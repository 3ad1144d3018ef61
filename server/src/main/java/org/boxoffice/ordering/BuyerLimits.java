package org.boxoffice.ordering;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.boxoffice.platform.ApiException;
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
                .param("key", lockKey(userId))
                .query()
                .singleValue();
    }

    /**
     * Takes the locks of several users at once (a group of holds), in key order, so that two
     * groups taking overlapping users never deadlock.
     */
    void lockUsers(Collection<UUID> userIds) {
        var keys = userIds.stream()
                .mapToLong(BuyerLimits::lockKey)
                .sorted()
                .distinct()
                .boxed()
                .toArray(Long[]::new);
        jdbc.sql("SELECT pg_advisory_xact_lock(key) FROM unnest(:keys) AS key")
                .param("keys", keys)
                .query()
                .listOfRows();
    }

    /** What each of the users has that counts against their limits for the event. */
    Map<UUID, Standing> standings(Collection<UUID> userIds, UUID eventId, @Nullable String limitGroup, Instant now) {
        var standings = new HashMap<UUID, Standing>();
        jdbc.sql("""
                        SELECT user_id,
                               count(*) FILTER (WHERE %1$s) AS live_orders,
                               coalesce(sum(quantity) FILTER (WHERE event_id = :eventId AND (status = 'PAID' OR %1$s)), 0)
                                   AS tickets
                        FROM customer_order
                        WHERE user_id = ANY(:userIds) AND (event_id = :eventId OR limit_group = :limitGroup)
                        GROUP BY user_id
                        """.formatted(LIVE))
                .param("userIds", userIds.toArray(UUID[]::new))
                .param("eventId", eventId)
                .param("limitGroup", limitGroup)
                .param("now", Timestamp.from(now))
                .query((rs, row) -> standings.put(
                        rs.getObject("user_id", UUID.class),
                        new Standing(rs.getInt("live_orders"), rs.getInt("tickets"))))
                .list();
        return standings;
    }

    /**
     * A user's live orders for an event (or its limit group) and tickets of the event, live or
     * paid.
     */
    record Standing(int liveOrders, int tickets) {

        static final Standing NOTHING = new Standing(0, 0);

        Standing plus(int quantity) {
            return new Standing(liveOrders + 1, tickets + quantity);
        }

        /** Why a new order of {@code quantity} tickets breaks the event's limits, or null when it does not. */
        @Nullable
        ApiException refusal(SaleTerms terms, int quantity) {
            if (terms.isActivity() && tickets > 0) {
                return new Refusals.AlreadyParticipated();
            }
            if (liveOrders >= terms.maxActiveOrdersPerUser()) {
                return new Refusals.OrderLimit(terms.maxActiveOrdersPerUser());
            }
            if (tickets + quantity > terms.maxTicketsPerUser()) {
                return new Refusals.TicketLimit(terms.maxTicketsPerUser());
            }
            return null;
        }
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

    static long lockKey(UUID userId) {
        return userId.getMostSignificantBits() ^ userId.getLeastSignificantBits();
    }

    /** Whether the user holds a live or paid order for the event. */
    boolean hasTakenPart(UUID userId, UUID eventId, Instant now) {
        return ticketsOf(userId, eventId, now) > 0;
    }
}
