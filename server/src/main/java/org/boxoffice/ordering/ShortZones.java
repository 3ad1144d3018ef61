package org.boxoffice.ordering;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.boxoffice.inventory.SoldOut;
import org.springframework.stereotype.Component;

/**
 * The sold-out fast path: remembers, for a moment, how many tickets a zone had left when a hold
 * found it short, and refuses larger requests from memory without a database round trip. The
 * memory is short (a fraction of a second), so tickets released by expiry or cancellation are
 * sold again almost at once; a hold that does reach the database refreshes it. Memory is never
 * the truth: a zone remembered as short is only ever refused, never sold from.
 */
@Component
class ShortZones {

    private final Map<Zone, Left> left = new ConcurrentHashMap<>();
    private final long memoryNanos;
    private final Counter refusedFromMemory;

    ShortZones(HoldSettings settings, MeterRegistry meters) {
        this.memoryNanos = settings.soldOutMemory().toNanos();
        this.refusedFromMemory = Counter.builder("boxoffice.holds.refused.from.memory")
                .description("Holds refused SOLD_OUT without a database round trip")
                .register(meters);
    }

    private record Zone(UUID eventId, String code) {}

    private record Left(int tickets, long seenAtNanos) {}

    /** Remembers that the zone had {@code tickets} left just now. */
    void remember(UUID eventId, String zone, int tickets) {
        left.put(new Zone(eventId, zone), new Left(tickets, System.nanoTime()));
    }

    /** @throws SoldOut when the zone was seen, a moment ago, with fewer tickets than asked for */
    void refuseIfShort(UUID eventId, String zone, int quantity) {
        var seen = left.get(new Zone(eventId, zone));
        if (seen == null) {
            return;
        }
        if (System.nanoTime() - seen.seenAtNanos() > memoryNanos) {
            left.remove(new Zone(eventId, zone), seen);
            return;
        }
        if (seen.tickets() < quantity) {
            refusedFromMemory.increment();
            throw new SoldOut(zone);
        }
    }
}
