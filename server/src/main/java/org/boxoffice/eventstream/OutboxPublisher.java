package org.boxoffice.eventstream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.boxoffice.platform.Leadership;
import org.boxoffice.platform.OutboxReaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes the outbox to Kafka. One instance of the cluster publishes, the {@link Leadership
 * leader} of {@code eventstream/kafka_publisher}; every {@code interval} it sends the rows that
 * are ready ({@link PublishingPosition}), waits for the broker's acknowledgements and moves the
 * cursor in PostgreSQL past them. It reads and moves the cursor on the leader's own connection,
 * so a publisher whose lock is gone finds out at its next statement and stops. A failed batch is sent again from its first unacknowledged row
 * (at least once); a new leader starts at the stored cursor. The outbox keeps every row the
 * cursor has not passed ({@link OutboxReaders}).
 */
final class OutboxPublisher implements OutboxReaders {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

    private final Leadership leadership;
    private final OutboxFeed anyFeed;
    private final KafkaStream stream;
    private final Clock clock;
    private final EventStreamSettings settings;
    private final Counter published;
    private final Counter failures;
    private @Nullable OutboxFeed feed;
    private @Nullable PublishingPosition position;
    private volatile double lagSeconds;
    private boolean failing;

    OutboxPublisher(
            Leadership leadership,
            OutboxFeed anyFeed,
            KafkaStream stream,
            Clock clock,
            MeterRegistry meters,
            EventStreamSettings settings) {
        this.leadership = leadership;
        this.anyFeed = anyFeed;
        this.stream = stream;
        this.clock = clock;
        this.settings = settings;
        this.published = Counter.builder("boxoffice.eventstream.published")
                .description("Outbox rows acknowledged by Kafka")
                .register(meters);
        this.failures = Counter.builder("boxoffice.eventstream.failures")
                .description("Batches Kafka did not acknowledge (sent again)")
                .register(meters);
        Gauge.builder("boxoffice.eventstream.lag", () -> lagSeconds)
                .description("Age of the oldest outbox row not yet on Kafka (0 on instances that do not publish)")
                .baseUnit("seconds")
                .register(meters);
        Gauge.builder("boxoffice.eventstream.leader", () -> leadership.isLeading() ? 1 : 0)
                .description("1 on the instance that publishes the outbox to Kafka")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${boxoffice.event-stream.interval:200ms}", initialDelayString = "1s")
    synchronized void publish() {
        var connection = leadership.connection();
        if (connection.isEmpty()) {
            return;
        }
        try {
            if (feed == null) {
                var leaderFeed = anyFeed.on(connection.get());
                position = new PublishingPosition(leaderFeed.publishedThrough(clock.instant()));
                feed = leaderFeed;
                log.info("This instance publishes the outbox to Kafka topic {}", settings.topic());
            }
            publishReadyRows(Objects.requireNonNull(feed), Objects.requireNonNull(position));
        } catch (DataAccessException e) {
            log.warn("Publishing the outbox stopped on a database error; another instance may take over", e);
            resign();
        }
    }

    boolean isPublishing() {
        return leadership.isLeading();
    }

    @Override
    public long readThrough() {
        return anyFeed.readThrough();
    }

    private void publishReadyRows(OutboxFeed from, PublishingPosition at) {
        List<OutboxFeed.Row> read;
        boolean allSent;
        do {
            read = from.after(at.through(), settings.batch());
            var ready = at.ready(read);
            allSent = ready.isEmpty() || sent(ready, from, at);
            lagSeconds = ageOfFirstUnsent(read, at);
        } while (allSent && read.size() == settings.batch());
    }

    /** Sends the rows, moves the cursor past those acknowledged; true when all were. */
    private boolean sent(List<OutboxFeed.Row> ready, OutboxFeed from, PublishingPosition at) {
        var outcome = stream.send(ready);
        if (outcome.acknowledged() > 0) {
            at.sent(ready.get(outcome.acknowledged() - 1).id());
            from.movePublishedThrough(at.through(), clock.instant());
            published.increment(outcome.acknowledged());
        }
        var failure = outcome.failure();
        if (failure != null) {
            failures.increment();
            noteFailure(failure);
            return false;
        }
        if (failing) {
            log.info("Kafka acknowledges the outbox again");
            failing = false;
        }
        return true;
    }

    private void noteFailure(Exception failure) {
        if (!failing) {
            log.warn("Kafka did not acknowledge the outbox; rows wait there and are sent again", failure);
            failing = true;
        } else {
            log.debug("Kafka still does not acknowledge the outbox", failure);
        }
    }

    private double ageOfFirstUnsent(List<OutboxFeed.Row> read, PublishingPosition at) {
        return read.stream()
                .filter(row -> row.id() > at.through())
                .findFirst()
                .map(row -> Duration.between(row.occurredAt(), clock.instant()).toMillis() / 1000.0)
                .orElse(0.0);
    }

    @PreDestroy
    synchronized void resign() {
        leadership.resign();
        feed = null;
        position = null;
        lagSeconds = 0;
    }
}
