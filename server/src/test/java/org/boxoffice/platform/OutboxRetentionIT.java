package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.boxoffice.platform.jobs.Jobs;
import org.boxoffice.testing.BoxofficeIT;
import org.boxoffice.testing.MovableClock;
import org.boxoffice.testing.PausedJobs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@BoxofficeIT
class OutboxRetentionIT {

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxRetention retention;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    @Autowired
    Jobs jobs;

    PausedJobs pausedJobs;

    @BeforeEach
    void pauseTheBackgroundRetention() {
        pausedJobs = new PausedJobs(jobs);
        pausedJobs.pause("OutboxRetention.prune");
    }

    @AfterEach
    void resetClockAndJobs() {
        clock.reset();
        pausedJobs.resumeAll();
    }

    @Test
    void rowsPastTheRetentionAreDeletedAndRecentOnesKept() {
        var old = UUID.randomUUID();
        var recent = UUID.randomUUID();
        clock.advance(Duration.ofHours(-2));
        append(old);
        clock.reset();
        append(recent);

        retention.prune();

        assertThat(rowsOf(old)).isZero();
        assertThat(rowsOf(recent)).isOne();
    }

    @Test
    void rowsAReaderHasNotReadYetAreKeptHoweverOld() {
        var read = UUID.randomUUID();
        var unread = UUID.randomUUID();
        clock.advance(Duration.ofHours(-2));
        append(read);
        long readThrough = idOf(read);
        append(unread);
        clock.reset();
        var keepingForAReader = new OutboxRetention(jdbc, Duration.ofHours(1), clock, List.of(() -> readThrough));

        keepingForAReader.prune();

        assertThat(rowsOf(read)).isZero();
        assertThat(rowsOf(unread)).isOne();
    }

    private long idOf(UUID aggregateId) {
        return jdbc.sql("SELECT id FROM outbox_event WHERE aggregate_id = :id")
                .param("id", aggregateId)
                .query(Long.class)
                .single();
    }

    private void append(UUID aggregateId) {
        transaction.executeWithoutResult(
                status -> outbox.append("test", aggregateId, "Tested", Map.of("eventId", aggregateId)));
    }

    private long rowsOf(UUID aggregateId) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE aggregate_id = :id")
                .param("id", aggregateId)
                .query(Long.class)
                .single();
    }
}
