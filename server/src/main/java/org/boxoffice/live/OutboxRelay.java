package org.boxoffice.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.boxoffice.platform.Leadership;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Feeds the Redis fan-out from the transactional outbox. Exactly one instance relays: the
 * {@link Leadership leader} of {@code live/outbox_relay}. It reads rows past its cursor every
 * {@code relayInterval} and announces the events they belong to. Another instance tries for the
 * lead every {@code leaderRetry} and takes over when the relay's connection ends; it starts at
 * the newest row, and what the handover missed is healed by the streams' slow refresh.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final int BATCH = 1_000;

    private final Leadership leadership;
    private final ChangeAnnouncements announcements;
    private final LiveSettings settings;
    // Real time, not the application's clock: tests move that one by hours.
    private final Clock realTime = Clock.systemUTC();
    private @Nullable OutboxReader reader;
    private @Nullable OutboxCursor cursor;

    private final Clock clock;
    private volatile double lagSeconds;

    OutboxRelay(
            JdbcConnectionDetails database,
            ChangeAnnouncements announcements,
            LiveSettings settings,
            Clock clock,
            MeterRegistry meters) {
        this.leadership = new Leadership(database, "live", "outbox_relay", settings.leaderRetry());
        this.announcements = announcements;
        this.settings = settings;
        this.clock = clock;
        Gauge.builder("boxoffice.outbox.relay.lag", () -> lagSeconds)
                .description("Age of the oldest outbox row in the relay's last read (0 on instances that do not relay)")
                .baseUnit("seconds")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${boxoffice.live.relay-interval:100ms}", initialDelayString = "1s")
    synchronized void relay() {
        var connection = leadership.connection();
        if (connection.isEmpty()) {
            return;
        }
        try {
            if (reader == null) {
                startReading(new OutboxReader(connection.get()));
            }
            var changed = readNewRows();
            if (!changed.isEmpty()) {
                announcements.announce(changed);
            }
        } catch (DataAccessException e) {
            log.warn("Relaying outbox changes failed; another instance may take over", e);
            resign();
        } catch (RuntimeException e) {
            log.warn("Could not announce outbox changes; subscribed events will refresh on their own", e);
        }
    }

    synchronized boolean isLeading() {
        return leadership.isLeading();
    }

    private void startReading(OutboxReader newReader) {
        cursor = new OutboxCursor(newReader.lastId(), settings.gapPatience());
        reader = newReader;
        log.info("This instance relays outbox changes to the live streams");
    }

    /** The events of the rows committed since the last read, gaps included. */
    private Set<UUID> readNewRows() {
        var reading = Objects.requireNonNull(reader);
        var position = Objects.requireNonNull(cursor);
        var now = realTime.instant();
        var rows = new ArrayList<OutboxReader.Row>();
        var gaps = position.gaps(now);
        if (!gaps.isEmpty()) {
            rows.addAll(readAndMove(reading.withIds(gaps), position, now));
        }
        List<OutboxReader.Row> batch;
        do {
            batch = readAndMove(reading.after(position.position(), BATCH), position, now);
            rows.addAll(batch);
        } while (batch.size() == BATCH);
        lagSeconds = rows.stream()
                .map(OutboxReader.Row::occurredAt)
                .min(Instant::compareTo)
                .map(oldest -> Duration.between(oldest, clock.instant()).toMillis() / 1000.0)
                .orElse(0.0);
        var events = new LinkedHashSet<UUID>();
        rows.stream().map(OutboxReader.Row::eventId).filter(Objects::nonNull).forEach(events::add);
        return events;
    }

    private static List<OutboxReader.Row> readAndMove(List<OutboxReader.Row> rows, OutboxCursor position, Instant now) {
        position.read(rows.stream().map(OutboxReader.Row::id).toList(), now);
        return rows;
    }

    @PreDestroy
    synchronized void resign() {
        leadership.resign();
        lagSeconds = 0;
        reader = null;
        cursor = null;
    }
}
