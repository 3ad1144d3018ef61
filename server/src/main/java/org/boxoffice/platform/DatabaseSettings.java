package org.boxoffice.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the server waits for its database, embedded or external, and what it tells a client
 * when the wait ran out. A zero duration turns that timeout off.
 *
 * @param statementTimeout the longest a statement may run ({@code statement_timeout}); paths
 *     that are long by nature (ticket creation by COPY, the CSV export) set their own with {@code
 *     SET LOCAL}
 * @param lockTimeout the longest a statement waits for a lock ({@code lock_timeout})
 * @param idleInTransactionTimeout a transaction left idle this long is ended by the database
 *     ({@code idle_in_transaction_session_timeout})
 * @param connectTimeout the longest opening a connection to the database may take (pgjdbc {@code
 *     connectTimeout} and {@code loginTimeout})
 * @param socketTimeout the longest the driver waits for any answer of the database (pgjdbc
 *     {@code socketTimeout}): the bound when the database is gone without closing its connections;
 *     longer than every statement timeout
 * @param unavailableRetryAfter the {@code Retry-After} of {@code 503 DATABASE_UNAVAILABLE}
 * @param overloadedRetryAfter the {@code Retry-After} of {@code 503 OVERLOADED} (no connection free
 *     in time, a statement or lock timeout)
 * @param startupOptions false sends no startup options of ours (the server-side timeouts and {@code
 *     synchronous_commit=on}), for a connection pooler that refuses them (PgBouncer in transaction
 *     mode): then set those on the database role instead
 */
@ConfigurationProperties("boxoffice.database")
public record DatabaseSettings(
        @DefaultValue("10s") Duration statementTimeout,
        @DefaultValue("5s") Duration lockTimeout,
        @DefaultValue("60s") Duration idleInTransactionTimeout,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("60s") Duration socketTimeout,
        @DefaultValue("5s") Duration unavailableRetryAfter,
        @DefaultValue("1s") Duration overloadedRetryAfter,
        @DefaultValue("true") boolean startupOptions) {}
