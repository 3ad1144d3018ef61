package org.boxoffice.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * One instance of the cluster doing a piece of work alone: the one holding a session advisory
 * lock, named {@code module}/{@code role}, on a database connection of its own (outside the
 * pool). The lock lives as long as that connection, so a leader that dies or loses the database
 * hands over by itself; another instance asks for the lock at most every {@code retry}.
 */
public final class Leadership {

    private static final Logger log = LoggerFactory.getLogger(Leadership.class);

    private final JdbcConnectionDetails database;
    private final String module;
    private final String role;
    private final Duration retry;
    // Real time, not the application's clock: tests move that one by hours.
    private final Clock realTime = Clock.systemUTC();
    private @Nullable SingleConnectionDataSource connection;
    private @Nullable JdbcClient jdbc;
    private Instant nextAttempt = Instant.EPOCH;

    public Leadership(JdbcConnectionDetails database, String module, String role, Duration retry) {
        this.database = database;
        this.module = module;
        this.role = role;
        this.retry = retry;
    }

    /**
     * The leader's own connection: this instance's if it leads, or takes the lead now because the
     * lock is free and the retry time has come; empty while another instance leads.
     */
    public synchronized Optional<JdbcClient> connection() {
        if (jdbc == null) {
            tryToLead();
        }
        return Optional.ofNullable(jdbc);
    }

    public synchronized boolean isLeading() {
        return jdbc != null;
    }

    /** Gives the lead up (the connection is closed); another instance may take it. */
    public synchronized void resign() {
        if (connection != null) {
            connection.destroy();
        }
        connection = null;
        jdbc = null;
    }

    private void tryToLead() {
        var now = realTime.instant();
        if (now.isBefore(nextAttempt)) {
            return;
        }
        nextAttempt = now.plus(retry);
        var candidate = new SingleConnectionDataSource(
                database.getJdbcUrl(), database.getUsername(), database.getPassword(), true);
        try {
            var client = JdbcClient.create(candidate);
            var locked = client.sql("SELECT pg_try_advisory_lock(hashtext(:module), hashtext(:role))")
                    .param("module", module)
                    .param("role", role)
                    .query(Boolean.class)
                    .single();
            if (!Boolean.TRUE.equals(locked)) {
                candidate.destroy();
                return;
            }
            connection = candidate;
            jdbc = client;
            log.info("This instance leads {}/{}", module, role);
        } catch (DataAccessException e) {
            candidate.destroy();
            log.debug("Could not try for the lead of {}/{}", module, role, e);
        }
    }
}
