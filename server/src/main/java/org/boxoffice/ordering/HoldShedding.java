package org.boxoffice.ordering;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.boxoffice.admission.WaitingRoom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Load shedding per event: a hold for an event whose holds in flight on this instance would take
 * longer than {@code boxoffice.holds.shed-after} to decide is refused at once ({@code 503
 * OVERLOADED} with {@code Retry-After}), before it reads or writes anything. A refused hold
 * changed nothing, so its buyer simply tries again later (a replay of its Idempotency-Key runs
 * afresh); the holds let in are answered in time, and the other events, whose holds do not queue
 * behind this one's, keep their latency. One rule for every path: the grouped queue, the reference
 * path and the holds the airline or a partner must confirm.
 *
 * <p>Before it comes to that, an event behind a waiting room is braked: once its holds take longer
 * than {@code boxoffice.holds.brake-admissions-after}, its waiting room admits nobody for a moment
 * ({@link WaitingRoom#holdsFallBehind}), so that the buyers it admits find a hold path that answers
 * them in time instead of a queue that grows with every second of admissions.
 */
@Component
class HoldShedding {

    private static final Duration LONGEST_RETRY_AFTER = Duration.ofSeconds(5);
    /** An event idle this long is forgotten, its rate and gauges with it. */
    private static final long FORGET_AFTER_NANOS = Duration.ofMinutes(10).toNanos();

    private static final long SWEEP_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final Map<UUID, EventLoad> loads = new ConcurrentHashMap<>();
    private final Map<UUID, List<Meter>> gauges = new ConcurrentHashMap<>();
    private final SheddingSettings settings;
    private final MeterRegistry meters;
    private final Consumer<UUID> behind;
    private final LongSupplier nanoTime;
    private final AtomicLong nextSweep;

    @Autowired
    HoldShedding(SheddingSettings settings, MeterRegistry meters, WaitingRoom waitingRoom) {
        this(settings, meters, waitingRoom::holdsFallBehind, System::nanoTime);
    }

    /** @param behind told of an event behind a waiting room whose holds take longer than they should */
    HoldShedding(SheddingSettings settings, MeterRegistry meters, Consumer<UUID> behind, LongSupplier nanoTime) {
        this.settings = settings;
        this.meters = meters;
        this.behind = behind;
        this.nanoTime = nanoTime;
        this.nextSweep = new AtomicLong(nanoTime.getAsLong() + SWEEP_EVERY_NANOS);
    }

    /** A hold counted in for its event until closed, once it is decided, whatever the answer. */
    interface InFlight {
        void close();
    }

    /**
     * Counts a hold for the event in, or refuses it.
     *
     * @throws Refusals.EventOverloaded when the event's holds in flight already wait too long
     */
    InFlight admit(UUID eventId) {
        long now = nanoTime.getAsLong();
        forgetIdleEvents(now);
        var load = loads.computeIfAbsent(eventId, id -> watched(id, now));
        int minDepth = settings.enabled() ? settings.shedMinDepth() : Integer.MAX_VALUE;
        var decision = load.tryStart(now, settings.shedAfter(), minDepth);
        if (!decision.admitted()) {
            meters.counter("boxoffice.holds.shed", "event", eventId.toString()).increment();
            throw new Refusals.EventOverloaded(retryAfter(decision.expectedWait()));
        }
        return () -> load.finished(nanoTime.getAsLong(), now);
    }

    /**
     * Brakes the event's waiting room when its holds on this instance take longer than {@code
     * boxoffice.holds.brake-admissions-after}. For the events behind one whose holds this instance
     * decides alone: a hold the airline or a partner must confirm takes as long as they take,
     * however many are admitted.
     */
    void brakeAdmissionsIfBehind(UUID eventId) {
        var load = loads.get(eventId);
        if (settings.brakesAdmissions() && load != null && load.behind(settings.brakeAdmissionsAfter())) {
            behind.accept(eventId);
        }
    }

    /** When the holds in flight will have been decided, at least a second, at most a few. */
    private static Duration retryAfter(Duration expectedWait) {
        return expectedWait.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : expectedWait;
    }

    private EventLoad watched(UUID eventId, long now) {
        var load = new EventLoad(now);
        var tag = eventId.toString();
        gauges.put(
                eventId,
                List.of(
                        Gauge.builder("boxoffice.holds.in-flight", load, EventLoad::inFlight)
                                .description("Holds of one event counted in and not yet decided (this instance)")
                                .tag("event", tag)
                                .register(meters),
                        Gauge.builder(
                                        "boxoffice.holds.expected-wait",
                                        load,
                                        held -> held.expectedWait().toMillis() / 1000.0)
                                .description("How long one event's holds in flight take to decide at its measured rate")
                                .tag("event", tag)
                                .baseUnit("seconds")
                                .register(meters)));
        return load;
    }

    private void forgetIdleEvents(long now) {
        long due = nextSweep.get();
        if (now - due < 0 || !nextSweep.compareAndSet(due, now + SWEEP_EVERY_NANOS)) {
            return;
        }
        for (var eventId : loads.keySet()) {
            // In the map's lock for the event, so that a load made anew for it at the same moment
            // registers its gauges after these are gone.
            loads.computeIfPresent(eventId, (id, load) -> {
                if (!load.idleSince(now - FORGET_AFTER_NANOS)) {
                    return load;
                }
                var forgotten = gauges.remove(id);
                if (forgotten != null) {
                    forgotten.forEach(meters::remove);
                }
                return null;
            });
        }
    }

    /** How many events this instance keeps a load for (those with holds in the last minutes). */
    int watchedEvents() {
        return loads.size();
    }
}
