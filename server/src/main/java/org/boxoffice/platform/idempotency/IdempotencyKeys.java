package org.boxoffice.platform.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code idempotency_key} table. Each statement is atomic on its own; none holds a lock. */
@Repository
class IdempotencyKeys {

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the key for a new execution; false when somebody already holds it. */
    boolean claim(String principal, String key, byte[] requestHash, Instant now) {
        return jdbc.sql("""
                        INSERT INTO idempotency_key (principal, key, request_hash, state, started_at)
                        VALUES (:principal, :key, :hash, 'RUNNING', :now)
                        ON CONFLICT DO NOTHING
                        """)
                        .param("principal", principal)
                        .param("key", key)
                        .param("hash", requestHash)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Takes over a key whose execution was abandoned; only one of several contenders wins. */
    boolean reclaim(String principal, String key, Instant abandonedStart, Instant now) {
        return jdbc.sql("""
                        UPDATE idempotency_key SET started_at = :now
                        WHERE principal = :principal AND key = :key
                          AND state = 'RUNNING' AND started_at = :abandonedStart
                        """)
                        .param("principal", principal)
                        .param("key", key)
                        .param("abandonedStart", Timestamp.from(abandonedStart))
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    Optional<StoredAnswer> find(String principal, String key) {
        return jdbc.sql("""
                        SELECT request_hash, state, status, content_type, body, started_at
                        FROM idempotency_key WHERE principal = :principal AND key = :key
                        """)
                .param("principal", principal)
                .param("key", key)
                .query((rs, row) -> new StoredAnswer(
                        rs.getBytes("request_hash"),
                        "DONE".equals(rs.getString("state")),
                        rs.getInt("status"),
                        rs.getString("content_type"),
                        rs.getBytes("body"),
                        rs.getTimestamp("started_at").toInstant()))
                .optional();
    }

    void complete(String principal, String key, int status, String contentType, byte[] body, Instant now) {
        jdbc.sql("""
                        UPDATE idempotency_key
                        SET state = 'DONE', status = :status, content_type = :contentType, body = :body,
                            completed_at = :now
                        WHERE principal = :principal AND key = :key
                        """)
                .param("principal", principal)
                .param("key", key)
                .param("status", status)
                .param("contentType", contentType)
                .param("body", body)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Forgets a key whose execution failed on our side, so that the client may try again. */
    void release(String principal, String key) {
        jdbc.sql("DELETE FROM idempotency_key WHERE principal = :principal AND key = :key AND state = 'RUNNING'")
                .param("principal", principal)
                .param("key", key)
                .update();
    }

    int deleteStartedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM idempotency_key WHERE started_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff))
                .update();
    }
}
