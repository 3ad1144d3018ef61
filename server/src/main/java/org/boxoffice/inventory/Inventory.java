package org.boxoffice.inventory;

import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.boxoffice.platform.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tickets of every event: creating them and reading how many are left. Expired holds count
 * as available in every answer, measured against the injected clock.
 */
@Service
public class Inventory {

    /** The most tickets one event may have, for sale or not. */
    public static final int MAX_TICKETS_PER_EVENT = 200_000;

    private final Tickets tickets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Inventory(Tickets tickets, ApplicationEventPublisher events, Clock clock) {
        this.tickets = tickets;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates every ticket of an event, inside the caller's transaction so that an event never
     * exists without its tickets. Returns how many were created.
     *
     * @throws InvalidInput when the zones repeat a code or add up to more than {@link
     *     #MAX_TICKETS_PER_EVENT}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long createTickets(UUID eventId, List<ZoneStock> zones) {
        var codes = new HashSet<String>();
        for (var zone : zones) {
            if (!codes.add(zone.zone())) {
                throw new InvalidInput("Zone " + zone.zone() + " is listed twice.");
            }
        }
        long total = zones.stream().mapToLong(ZoneStock::tickets).sum();
        if (total > MAX_TICKETS_PER_EVENT) {
            throw new InvalidInput(
                    "An event has at most " + MAX_TICKETS_PER_EVENT + " tickets; this one would have " + total + ".");
        }
        long created = tickets.copy(eventId, zones);
        events.publishEvent(new TicketsCreated(eventId, created));
        return created;
    }

    /** The live counts of each zone of one event, by zone code. */
    public Map<String, ZoneCount> counts(UUID eventId) {
        return counts(List.of(eventId)).getOrDefault(eventId, Map.of());
    }

    /**
     * The live counts of each zone, with {@code soldElsewhere} (seats a partner sold through its
     * own channels) moved from available to sold where we still had them available.
     */
    public Map<String, ZoneCount> counts(UUID eventId, Set<String> soldElsewhere) {
        var counts = counts(eventId);
        if (soldElsewhere.isEmpty()) {
            return counts;
        }
        var taken = tickets.availableAmong(eventId, soldElsewhere, clock.instant());
        var adjusted = new java.util.HashMap<>(counts);
        taken.forEach((zone, seats) -> adjusted.computeIfPresent(zone, (code, count) -> count.soldElsewhere(seats)));
        return adjusted;
    }

    /** The live counts of each zone of several events: event id → zone code → counts. */
    public Map<UUID, Map<String, ZoneCount>> counts(Collection<UUID> eventIds) {
        return tickets.countByZone(eventIds, clock.instant());
    }

    /**
     * The seat rows of the given seated zones of an event, by zone code, rows in venue order.
     * Zones without numbered seats have no entry.
     */
    public Map<String, List<SeatRowStatus>> seatMap(UUID eventId, Collection<String> zones) {
        return tickets.seatRows(eventId, zones, clock.instant());
    }
}
