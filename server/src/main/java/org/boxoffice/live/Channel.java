package org.boxoffice.live;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.boxoffice.catalog.EventDetail;
import org.boxoffice.catalog.EventStatus;
import org.jspecify.annotations.Nullable;

/**
 * The subscribers of one event on this instance and the last counts they were sent. The counts
 * are read once per tick for all of them, never per subscriber.
 */
final class Channel {

    /** What the subscribers were last sent, and the status that decides who may see it. */
    record Snapshot(Availability availability, EventStatus status, Frame frame, Instant readAt) {}

    private final UUID eventId;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private volatile @Nullable Snapshot snapshot;
    private volatile boolean changed;

    Channel(UUID eventId) {
        this.eventId = eventId;
    }

    UUID eventId() {
        return eventId;
    }

    Set<Subscriber> subscribers() {
        return subscribers;
    }

    /** Someone announced a change: the next tick reads the event again. */
    void markChanged() {
        changed = true;
    }

    /**
     * The current snapshot; the first caller reads it, callers arriving meanwhile wait for that
     * one read instead of making their own.
     */
    Snapshot snapshot(Function<UUID, EventDetail> read, Instant now, Function<Availability, String> json) {
        var current = snapshot;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (snapshot == null) {
                var detail = read.apply(eventId);
                var availability = Availability.of(detail);
                snapshot = new Snapshot(
                        availability, detail.status(), Frame.availability(0, json.apply(availability)), now);
            }
            return snapshot;
        }
    }

    /** Whether this tick must read the event: it changed, or its counts are older than {@code staleBefore}. */
    boolean needsReading(Instant staleBefore) {
        var current = snapshot;
        return current != null && (changed || current.readAt().isBefore(staleBefore));
    }

    /** Called before reading, so that a change announced during the read is not lost. */
    void startReading() {
        changed = false;
    }

    /**
     * Takes the counts just read; returns the new snapshot when they differ from what was sent,
     * else null.
     */
    synchronized @Nullable Snapshot update(EventDetail detail, Instant now, Function<Availability, String> json) {
        var previous = snapshot;
        if (previous == null) {
            return null;
        }
        var availability = Availability.of(detail);
        if (availability.equals(previous.availability()) && detail.status() == previous.status()) {
            snapshot = new Snapshot(previous.availability(), previous.status(), previous.frame(), now);
            return null;
        }
        var frame = Frame.availability(previous.frame().version() + 1, json.apply(availability));
        snapshot = new Snapshot(availability, detail.status(), frame, now);
        return snapshot;
    }
}
