package org.boxoffice.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the outbox small: rows older than {@code boxoffice.outbox.retention} (default 1 h) are
 * deleted, oldest first, in batches. The live relay reads a row within a fraction of a second of
 * its commit, so an hour-old row has long been relayed; the orders and tickets themselves are
 * the record, not the outbox. A reader that must see every row ({@link OutboxReaders}: the
 * Kafka publisher) keeps the rows it has not read yet, however old. Safe on any number of
 * instances ({@code SKIP LOCKED}).
 */
@Component
class OutboxRetention {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);
    static final int BATCH = 10_000;

    private final JdbcClient jdbc;
    private final Duration retention;
    private final Clock clock;
    private final List<OutboxReaders> readers;

    OutboxRetention(
            JdbcClient jdbc,
            @Value("${boxoffice.outbox.retention:1h}") Duration retention,
            Clock clock,
            List<OutboxReaders> readers) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.clock = clock;
        this.readers = readers;
    }

    @Scheduled(fixedDelayString = "${boxoffice.outbox.prune-interval:1m}", initialDelayString = "1m")
    void prune() {
        int deleted = 0;
        int batch;
        do {
            batch = pruneBatch();
            deleted += batch;
        } while (batch == BATCH);
        if (deleted > 0) {
            log.debug("Pruned {} outbox rows older than {}", deleted, retention);
        }
    }

    private long readThrough() {
        return readers.stream().mapToLong(OutboxReaders::readThrough).min().orElse(Long.MAX_VALUE);
    }

    /** Deletes one batch of rows past the retention; returns how many. */
    int pruneBatch() {
        return jdbc.sql("""
                        DELETE FROM outbox_event
                         WHERE id IN (
                               SELECT id FROM outbox_event
                                WHERE occurred_at < :cutoff AND id <= :readThrough
                                ORDER BY id
                                LIMIT :limit
                                  FOR UPDATE SKIP LOCKED)
                        """)
                .param("cutoff", Timestamp.from(clock.instant().minus(retention)))
                .param("readThrough", readThrough())
                .param("limit", BATCH)
                .update();
    }
}
