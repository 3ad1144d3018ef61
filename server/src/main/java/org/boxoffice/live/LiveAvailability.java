package org.boxoffice.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.catalog.EventDetail;
import org.boxoffice.catalog.EventNotFound;
import org.boxoffice.catalog.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The availability streams of this instance: one {@link Channel} per event that has
 * subscribers. Every tick, each channel whose event changed (or whose counts got old) reads the
 * event once through the catalog and sends the result, when it differs, to all its subscribers.
 */
@Component
class LiveAvailability implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveAvailability.class);

    /** The snapshot is shared by all subscribers, so it is read as someone who may see every event. */
    private static final Viewer EVERYONE = new Viewer(null, true);

    private final Catalog catalog;
    private final JsonMapper json;
    private final LiveSettings settings;
    private final Clock clock;
    private final ConcurrentHashMap<UUID, Channel> channels = new ConcurrentHashMap<>();
    private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running;
    private volatile Instant lastKeepAlive = Instant.EPOCH;

    LiveAvailability(Catalog catalog, JsonMapper json, LiveSettings settings, Clock clock, MeterRegistry meters) {
        this.catalog = catalog;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
        Gauge.builder("boxoffice.live.streams", this, LiveAvailability::subscriberCount)
                .description("Open availability streams on this instance")
                .register(meters);
    }

    /**
     * Opens a stream whose first event carries the current counts.
     *
     * @throws EventNotFound when there is no such event or the viewer may not see it
     */
    SseEmitter subscribe(UUID eventId, Viewer viewer) {
        var subscriber = new Subscriber(new SseEmitter(settings.streamTimeout().toMillis()), viewer, writers);
        var channel = join(eventId, subscriber);
        Channel.Snapshot snapshot;
        try {
            snapshot = channel.snapshot(this::read, clock.instant(), this::toJson);
            if (!viewer.maySee(snapshot.status())) {
                throw new EventNotFound(eventId);
            }
            whenEnded(channel, subscriber);
        } catch (RuntimeException e) {
            leave(channel, subscriber);
            throw e;
        }
        if (running) {
            subscriber.offer(snapshot.frame());
        } else {
            subscriber.close();
        }
        return subscriber.emitter();
    }

    /** An announcement that the event's tickets changed somewhere; ignored when nobody here watches it. */
    void markChanged(UUID eventId) {
        var channel = channels.get(eventId);
        if (channel != null) {
            channel.markChanged();
        }
    }

    /** How many streams are open on this instance. */
    int subscriberCount() {
        return channels.values().stream()
                .mapToInt(channel -> channel.subscribers().size())
                .sum();
    }

    @Scheduled(fixedDelayString = "${boxoffice.live.tick:250ms}", initialDelayString = "${boxoffice.live.tick:250ms}")
    void tick() {
        var now = clock.instant();
        var staleBefore = now.minus(settings.refreshEvery());
        for (var channel : channels.values()) {
            if (channel.needsReading(staleBefore)) {
                refresh(channel, now);
            }
        }
        if (!now.isBefore(lastKeepAlive.plus(settings.keepAlive()))) {
            lastKeepAlive = now;
            channels.values().forEach(channel -> channel.subscribers().forEach(Subscriber::offerKeepAlive));
        }
    }

    private void refresh(Channel channel, Instant now) {
        channel.startReading();
        EventDetail detail;
        try {
            detail = read(channel.eventId());
        } catch (RuntimeException e) {
            // A partner that does not answer, a database hiccup: the next tick or refresh tries again.
            log.debug("Could not read event {} for its streams", channel.eventId(), e);
            channel.markChanged();
            return;
        }
        var changed = channel.update(detail, now, this::toJson);
        if (changed != null) {
            broadcast(channel, changed);
        }
    }

    private void broadcast(Channel channel, Channel.Snapshot snapshot) {
        for (var subscriber : channel.subscribers()) {
            if (subscriber.viewer().maySee(snapshot.status())) {
                subscriber.offer(snapshot.frame());
            } else {
                subscriber.close();
            }
        }
    }

    private Channel join(UUID eventId, Subscriber subscriber) {
        return channels.compute(eventId, (id, channel) -> {
            var joined = channel != null ? channel : new Channel(id);
            joined.subscribers().add(subscriber);
            return joined;
        });
    }

    private void leave(Channel channel, Subscriber subscriber) {
        channels.computeIfPresent(channel.eventId(), (id, current) -> {
            current.subscribers().remove(subscriber);
            return current.subscribers().isEmpty() ? null : current;
        });
    }

    private void whenEnded(Channel channel, Subscriber subscriber) {
        var emitter = subscriber.emitter();
        emitter.onCompletion(() -> leave(channel, subscriber));
        emitter.onError(error -> leave(channel, subscriber));
        emitter.onTimeout(() -> {
            leave(channel, subscriber);
            emitter.complete();
        });
    }

    private EventDetail read(UUID eventId) {
        return catalog.event(eventId, EVERYONE);
    }

    private String toJson(Availability availability) {
        return json.writeValueAsString(availability);
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every stream before the web server shuts down gracefully: an open stream would
     * otherwise hold the shutdown until its grace period ran out.
     */
    @Override
    public void stop() {
        running = false;
        channels.values().forEach(channel -> channel.subscribers().forEach(Subscriber::close));
    }

    @PreDestroy
    void stopWriters() {
        writers.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
