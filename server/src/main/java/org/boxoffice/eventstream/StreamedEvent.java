package org.boxoffice.eventstream;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One message of the topic (API.md, "Event stream"): {@code id} is the outbox row's, unique, for
 * consumers to drop the duplicates that at-least-once delivery allows; {@code type} is past
 * tense; {@code payload} is the outbox row's document as it was written.
 */
record StreamedEvent(
        long id,
        String type,
        @Nullable UUID eventId,
        @Nullable UUID orderId,
        Instant occurredAt,
        @JsonRawValue String payload) {

    static StreamedEvent of(OutboxFeed.Row row) {
        var orderId = "order".equals(row.aggregateType()) ? row.aggregateId() : null;
        return new StreamedEvent(row.id(), row.type(), row.eventId(), orderId, row.occurredAt(), row.payload());
    }

    /** The message key: the event, so that each event's changes stay in one partition, in order. */
    static String keyOf(OutboxFeed.Row row) {
        var eventId = row.eventId();
        return (eventId != null ? eventId : row.aggregateId()).toString();
    }
}
