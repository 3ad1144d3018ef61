package org.boxoffice.live;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the outbox for the relay, on the relay's own connection. Nothing is written: rows are
 * found by id, never marked, so relaying costs the hot path nothing. Every row's payload names
 * its event ({@code eventId}); a ticket checked in changes no counts, and its announcement only
 * makes that event's streams read the same counts again.
 */
final class OutboxReader {

    /** One outbox row as the relay needs it. */
    record Row(long id, @Nullable UUID eventId, Instant occurredAt) {}

    private final JdbcClient jdbc;

    OutboxReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long lastId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM outbox_event")
                .query(Long.class)
                .single();
    }

    /** By column name, not as a data class: that would look for {@code eventId} first and throw for each row. */
    private static Row row(ResultSet rs, int rowNumber) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getObject("event_id", UUID.class),
                rs.getTimestamp("occurred_at").toInstant());
    }

    List<Row> after(long id, int limit) {
        return jdbc.sql("""
                        SELECT id, (payload ->> 'eventId')::uuid AS event_id, occurred_at
                          FROM outbox_event
                         WHERE id > :after
                         ORDER BY id
                         LIMIT :limit
                        """)
                .param("after", id)
                .param("limit", limit)
                .query(OutboxReader::row)
                .list();
    }

    List<Row> withIds(List<Long> ids) {
        return jdbc.sql("""
                        SELECT id, (payload ->> 'eventId')::uuid AS event_id, occurred_at
                          FROM outbox_event
                         WHERE id = ANY(CAST(:ids AS bigint[]))
                        """)
                .param("ids", ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .query(OutboxReader::row)
                .list();
    }
}
