package org.boxoffice.platform.idempotency;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.boxoffice.platform.Bulkhead;
import org.boxoffice.platform.Overloaded;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code idempotency_key} table. Each statement is atomic on its own; only the claims made
 * in a caller's transaction hold a lock (until it ends).
 *
 * <p>Every mutating request whose handler does not settle its key itself costs two writes here, so under a crowd they would take every
 * connection of the pool and make the holds themselves queue behind them: at most {@code
 * maxConcurrentStatements} run at once (a bulkhead). The writes commit asynchronously: a database
 * crash may forget the last fraction of a second of keys, and a request whose key was forgotten
 * runs again, which every write behind a key tolerates (a payment is charged once per order
 * whatever happens; a repeated hold is bounded by the buyer's limits).
 */
@Repository
class IdempotencyKeys {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Bulkhead statements;
    private final Duration queueTimeout;

    IdempotencyKeys(
            JdbcClient jdbc, TransactionTemplate transaction, IdempotencySettings settings, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.statements = new Bulkhead(settings.maxConcurrentStatements());
        this.queueTimeout = settings.statementQueueTimeout();
        Gauge.builder("boxoffice.idempotency.statements.waiting", statements, Bulkhead::waiting)
                .description("Statements on idempotency keys waiting for a place in their bulkhead")
                .register(meters);
        Gauge.builder("boxoffice.idempotency.statements.in-flight", statements, Bulkhead::inFlight)
                .description("Statements on idempotency keys running (at most max-concurrent-statements)")
                .register(meters);
    }

    private <T> T write(Supplier<T> statement) {
        return limited(() -> transaction.execute(status -> {
            jdbc.sql("SET LOCAL synchronous_commit = off").update();
            return statement.get();
        }));
    }

    private <T> T limited(Supplier<T> statement) {
        if (!statements.enter(queueTimeout)) {
            throw new Overloaded("Too many requests are waiting for the database; please try again shortly.");
        }
        try {
            return statement.get();
        } finally {
            statements.leave();
        }
    }

    /** Claims the key for a new execution; false when somebody already holds it. */
    boolean claim(String principal, String key, byte[] requestHash, Instant now) {
        return write(() -> jdbc.sql("""
                        INSERT INTO idempotency_key (principal, key, request_hash, state, started_at)
                        VALUES (:principal, :key, :hash, 'RUNNING', :now)
                        ON CONFLICT DO NOTHING
                        """)
                        .param("principal", principal)
                        .param("key", key)
                        .param("hash", requestHash)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1);
    }

    Optional<StoredAnswer> find(String principal, String key) {
        return limited(() -> select(principal, key));
    }

    private Optional<StoredAnswer> select(String principal, String key) {
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
        write(() -> jdbc.sql("""
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
                .update());
    }

    /** Forgets a key whose execution failed on our side, so that the client may try again. */
    void release(String principal, String key) {
        write(() -> jdbc.sql(
                        "DELETE FROM idempotency_key WHERE principal = :principal AND key = :key AND state = 'RUNNING'")
                .param("principal", principal)
                .param("key", key)
                .update());
    }

    /**
     * Takes over the key of a request abandoned by a crashed server, if it was this same request;
     * of several contenders only one wins (the others find it started anew).
     */
    boolean takeOverAbandoned(String principal, String key, byte[] requestHash, Instant abandonedBefore, Instant now) {
        return write(() -> jdbc.sql("""
                        UPDATE idempotency_key SET started_at = :now
                        WHERE principal = :principal AND key = :key AND request_hash = :hash
                          AND state = 'RUNNING' AND started_at < :abandonedBefore
                        """)
                        .param("principal", principal)
                        .param("key", key)
                        .param("hash", requestHash)
                        .param("abandonedBefore", Timestamp.from(abandonedBefore))
                        .param("now", Timestamp.from(now))
                        .update()
                == 1);
    }

    /**
     * The stored answer, once no transaction that claimed the key together with its work is still
     * in flight: such a claim is not visible before it commits, but its lock is.
     */
    Optional<StoredAnswer> findAfterClaimsInFlight(String principal, String key, int lock) {
        return limited(() -> {
            jdbc.sql("SELECT pg_advisory_xact_lock_shared(hashtext('idempotency_key'), :lock)")
                    .param("lock", lock)
                    .query()
                    .singleValue();
            return select(principal, key);
        });
    }

    /**
     * Claims keys in the caller's transaction, under their locks (taken in the order given), and
     * takes over those abandoned by the same request; the keys that are now ours.
     */
    Set<List<String>> claimInTransaction(List<HandlerKey> keys, Instant abandonedBefore, Instant now) {
        return Set.copyOf(jdbc.sql("""
                        INSERT INTO idempotency_key (principal, key, request_hash, state, started_at)
                        SELECT k.principal, k.key, decode(k.hash, 'hex'), 'RUNNING', :now
                        FROM unnest(:principals, :keys, :hashes, :locks) AS k(principal, key, hash, lock)
                        CROSS JOIN LATERAL (
                            SELECT pg_advisory_xact_lock(hashtext('idempotency_key'), k.lock)) AS locked
                        ON CONFLICT (principal, key) DO UPDATE SET started_at = excluded.started_at
                        WHERE idempotency_key.state = 'RUNNING'
                          AND idempotency_key.started_at < :abandonedBefore
                          AND idempotency_key.request_hash = excluded.request_hash
                        RETURNING principal, key
                        """)
                .param("principals", principalsOf(keys))
                .param("keys", namesOf(keys))
                .param(
                        "hashes",
                        keys.stream()
                                .map(k -> HexFormat.of().formatHex(k.fingerprint()))
                                .toArray(String[]::new))
                .param("locks", keys.stream().map(HandlerKey::lock).toArray(Integer[]::new))
                .param("abandonedBefore", Timestamp.from(abandonedBefore))
                .param("now", Timestamp.from(now))
                .query((rs, row) -> List.of(rs.getString("principal"), rs.getString("key")))
                .list());
    }

    /** Stores answers (JSON bodies) of keys claimed in the caller's transaction. */
    void answerInTransaction(List<HandlerKey> keys, List<Integer> statuses, List<String> bodies, Instant now) {
        jdbc.sql("""
                        UPDATE idempotency_key AS k
                        SET state = 'DONE', status = a.status, content_type = :contentType,
                            body = convert_to(a.body, 'UTF8'), completed_at = :now
                        FROM unnest(:principals, :keys, :statuses, :bodies) AS a(principal, key, status, body)
                        WHERE k.principal = a.principal AND k.key = a.key
                        """)
                .param("principals", principalsOf(keys))
                .param("keys", namesOf(keys))
                .param("statuses", statuses.toArray(Integer[]::new))
                .param("bodies", bodies.toArray(String[]::new))
                .param("contentType", MediaType.APPLICATION_JSON_VALUE)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Drops keys claimed in the caller's transaction whose work changed nothing. */
    void forgetInTransaction(List<HandlerKey> keys) {
        jdbc.sql("""
                        DELETE FROM idempotency_key
                        WHERE (principal, key) IN (SELECT * FROM unnest(:principals, :keys))
                        """)
                .param("principals", principalsOf(keys))
                .param("keys", namesOf(keys))
                .update();
    }

    private static String[] principalsOf(List<HandlerKey> keys) {
        return keys.stream().map(HandlerKey::principal).toArray(String[]::new);
    }

    private static String[] namesOf(List<HandlerKey> keys) {
        return keys.stream().map(HandlerKey::key).toArray(String[]::new);
    }

    int deleteStartedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM idempotency_key WHERE started_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff))
                .update();
    }
}
