package org.boxoffice.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transactional outbox: a state change and the record of it commit together or not at
 * all. Callers must already be in a transaction.
 */
@Component
public class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Outbox(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Records several happenings of one kind at once: {@code payloads} by aggregate id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(String aggregateType, String eventType, Map<UUID, ?> payloads) {
        if (payloads.isEmpty()) {
            return;
        }
        var ids = new ArrayList<UUID>(payloads.size());
        var documents = new ArrayList<String>(payloads.size());
        payloads.forEach((id, payload) -> {
            ids.add(id);
            documents.add(json.writeValueAsString(payload));
        });
        jdbc.sql("""
                        INSERT INTO outbox_event (aggregate_type, aggregate_id, event_type, payload, occurred_at)
                        SELECT :type, id, :event, payload::jsonb, :now FROM unnest(:ids, :payloads) AS happened (id, payload)
                        """)
                .param("type", aggregateType)
                .param("event", eventType)
                .param("ids", ids.toArray(UUID[]::new))
                .param("payloads", documents.toArray(String[]::new))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * Records that {@code eventType} happened to the aggregate; {@code payload} is written as
     * JSON (a record or a map).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String aggregateType, UUID aggregateId, String eventType, Object payload) {
        jdbc.sql("""
                        INSERT INTO outbox_event (aggregate_type, aggregate_id, event_type, payload, occurred_at)
                        VALUES (:type, :id, :event, :payload::jsonb, :now)
                        """)
                .param("type", aggregateType)
                .param("id", aggregateId)
                .param("event", eventType)
                .param("payload", json.writeValueAsString(payload))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }
}
