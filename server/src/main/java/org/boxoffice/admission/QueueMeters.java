package org.boxoffice.admission;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The waiting rooms' meters, per event: people joining, admitted (a rate: admitted per second),
 * how long the admitted waited, how many are waiting (as this instance last saw the line), and
 * how often this instance braked the line because the event's holds fell behind.
 */
@Component
class QueueMeters {

    private final MeterRegistry registry;
    private final Map<UUID, EventMeters> byEvent = new ConcurrentHashMap<>();

    QueueMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void joined(UUID eventId) {
        of(eventId).joins.increment();
    }

    void admitted(UUID eventId, Duration waited) {
        var meters = of(eventId);
        meters.admitted.increment();
        meters.waits.record(waited);
    }

    void braked(UUID eventId) {
        of(eventId).brakes.increment();
    }

    void waiting(UUID eventId, long people) {
        of(eventId).waiting.set(people);
    }

    private EventMeters of(UUID eventId) {
        return byEvent.computeIfAbsent(eventId, this::register);
    }

    private EventMeters register(UUID eventId) {
        var tag = eventId.toString();
        var waiting = new AtomicLong();
        Gauge.builder("boxoffice.admission.queue.length", waiting, AtomicLong::get)
                .description("People in the waiting room not admitted yet")
                .tag("event", tag)
                .register(registry);
        return new EventMeters(
                Counter.builder("boxoffice.admission.joins")
                        .description("Places taken in the waiting room")
                        .tag("event", tag)
                        .register(registry),
                Counter.builder("boxoffice.admission.admitted")
                        .description("People let through the waiting room")
                        .tag("event", tag)
                        .register(registry),
                Timer.builder("boxoffice.admission.wait")
                        .description("From joining the waiting room to admission")
                        .tag("event", tag)
                        .register(registry),
                Counter.builder("boxoffice.admission.brakes")
                        .description("Times this instance stopped the line for a moment: the event's holds fell behind")
                        .tag("event", tag)
                        .register(registry),
                waiting);
    }

    private record EventMeters(Counter joins, Counter admitted, Timer waits, Counter brakes, AtomicLong waiting) {}
}
