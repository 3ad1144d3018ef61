package org.boxoffice.loadtest.scenario;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The flights on offer, and which of them travelers have lately found sold out. Real travelers
 * see "sold out" on the flight list and pick another flight; this board is that list's
 * stand-in, shared by all journeys. It is only a hint: a flight comes back when a ticket is
 * refunded, and when every flight looks sold out travelers still try.
 */
final class FlightBoard {

    private final List<Flight> flights;
    private final Map<UUID, Flight> byId;
    private final Set<UUID> soldOut = ConcurrentHashMap.newKeySet();

    FlightBoard(List<Flight> flights) {
        this.flights = List.copyOf(flights);
        this.byId = this.flights.stream().collect(Collectors.toUnmodifiableMap(Flight::id, Function.identity()));
    }

    List<Flight> flights() {
        return flights;
    }

    boolean contains(UUID flightId) {
        return byId.containsKey(flightId);
    }

    /** A random flight not in {@code tried}, preferring those not known to be sold out; null if none is left. */
    @Nullable
    UUID pick(RandomGenerator random, Set<UUID> tried) {
        var open = flights.stream()
                .map(Flight::id)
                .filter(id -> !tried.contains(id) && !soldOut.contains(id))
                .toList();
        if (!open.isEmpty()) {
            return open.get(random.nextInt(open.size()));
        }
        var untried = flights.stream()
                .map(Flight::id)
                .filter(id -> !tried.contains(id))
                .toList();
        return untried.isEmpty() ? null : untried.get(random.nextInt(untried.size()));
    }

    void soldOut(UUID flightId) {
        soldOut.add(flightId);
    }

    void ticketReturned(UUID flightId) {
        soldOut.remove(flightId);
    }

    int soldOutCount() {
        return soldOut.size();
    }
}
