package org.boxoffice.eventstream;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox as the publisher reads it, and the cursor that says how far it got. Nothing is
 * written to the outbox itself, so publishing costs the hot path nothing.
 */
final class OutboxFeed {

    /**
     * One outbox row, with the snapshot it was read in: {@code oldestRunning} is the oldest
     * transaction still running then, {@code firstUnstarted} the first that had not started.
     */
    record Row(
            long id,
            String aggregateType,
            UUID aggregateId,
            String type,
            @Nullable UUID eventId,
            String payload,
            Instant occurredAt,
            long oldestRunning,
            long firstUnstarted) {}

    private final JdbcClient jdbc;
    private final String topic;

    OutboxFeed(JdbcClient jdbc, String topic) {
        this.jdbc = jdbc;
        this.topic = topic;
    }

    /** The same feed over another connection (the publisher's own). */
    OutboxFeed on(JdbcClient connection) {
        return new OutboxFeed(connection, topic);
    }

    /** The committed rows after {@code id}, oldest first. */
    List<Row> after(long id, int limit) {
        return jdbc.sql("""
                        SELECT id, aggregate_type, aggregate_id, event_type, payload::text AS payload, occurred_at,
                               (payload ->> 'eventId')::uuid AS event_id,
                               pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS oldest_running,
                               pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS first_unstarted
                          FROM outbox_event
                         WHERE id > :after
                         ORDER BY id
                         LIMIT :limit
                        """)
                .param("after", id)
                .param("limit", limit)
                .query(OutboxFeed::row)
                .list();
    }

    /** How far the topic has been published; a topic never published starts before every row. */
    long publishedThrough(Instant now) {
        jdbc.sql("""
                        INSERT INTO eventstream_cursor (topic, published_through, moved_at)
                        VALUES (:topic, 0, :now)
                        ON CONFLICT (topic) DO NOTHING
                        """).param("topic", topic).param("now", Timestamp.from(now)).update();
        return readThrough();
    }

    /** The cursor as stored; 0 before the first publisher started. */
    long readThrough() {
        return jdbc.sql("SELECT published_through FROM eventstream_cursor WHERE topic = :topic")
                .param("topic", topic)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    /** Moves the cursor forward, never back (a publisher that lost its lead may still finish a batch). */
    void movePublishedThrough(long id, Instant now) {
        jdbc.sql("""
                        UPDATE eventstream_cursor
                           SET published_through = greatest(published_through, :id), moved_at = :now
                         WHERE topic = :topic
                        """)
                .param("id", id)
                .param("now", Timestamp.from(now))
                .param("topic", topic)
                .update();
    }

    /** By column name, not as a data class: {@code event_id} is missing from some payloads. */
    private static Row row(ResultSet rs, int rowNumber) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("aggregate_type"),
                rs.getObject("aggregate_id", UUID.class),
                rs.getString("event_type"),
                rs.getObject("event_id", UUID.class),
                rs.getString("payload"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getLong("oldest_running"),
                rs.getLong("first_unstarted"));
    }
}
