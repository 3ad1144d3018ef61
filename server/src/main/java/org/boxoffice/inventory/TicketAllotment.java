package org.boxoffice.inventory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.boxoffice.platform.InvalidInput;

/**
 * Shares out tickets that one transaction has locked among the requests of a group, in the order
 * the requests came: each gets everything it asked for or nothing. Two requests for the same seat
 * are settled here, the earlier one wins; tickets that nobody could be given whole stay unassigned
 * (and unchanged in the database).
 */
final class TicketAllotment {

    private final Map<String, Deque<HeldTicket>> bestFirstByZone = new HashMap<>();
    private final Map<String, HeldTicket> freeSeats = new HashMap<>();
    private final Set<String> existingSeats;
    private final Map<String, Integer> shortZones = new HashMap<>();

    /**
     * @param lockedBest the locked free tickets of each zone, best first
     * @param lockedSeats the locked free tickets among the seats asked for by seat id
     * @param existingSeats every seat id asked for that the event has, free or not (only needed to
     *     tell unknown seats from taken ones)
     */
    TicketAllotment(
            Map<String, List<HeldTicket>> lockedBest, Collection<HeldTicket> lockedSeats, Set<String> existingSeats) {
        lockedSeats.forEach(ticket -> freeSeats.put(ticket.seat(), ticket));
        var forSeatRequests = lockedSeats.stream().map(HeldTicket::id).collect(Collectors.toSet());
        lockedBest.forEach((zone, tickets) -> bestFirstByZone.put(
                zone,
                tickets.stream()
                        .filter(ticket -> !forSeatRequests.contains(ticket.id()))
                        .collect(Collectors.toCollection(ArrayDeque::new))));
        this.existingSeats = existingSeats;
    }

    GroupClaim share(List<ClaimRequest> requests) {
        var outcomes = new ArrayList<ClaimOutcome>(requests.size());
        for (var request : requests) {
            outcomes.add(request.wantsSeats() ? seats(request.seats()) : best(request.zone(), request.quantity()));
        }
        bestFirstByZone.forEach((zone, left) -> shortZones.computeIfPresent(zone, (code, count) -> left.size()));
        return new GroupClaim(outcomes, shortZones);
    }

    private ClaimOutcome best(String zone, int quantity) {
        var left = bestFirstByZone.getOrDefault(zone, new ArrayDeque<>());
        if (left.size() < quantity) {
            shortZones.put(zone, left.size());
            return ClaimOutcome.refused(new SoldOut(zone));
        }
        var tickets = new ArrayList<HeldTicket>(quantity);
        for (int i = 0; i < quantity; i++) {
            tickets.add(left.removeFirst());
        }
        return ClaimOutcome.held(tickets);
    }

    private ClaimOutcome seats(List<String> seats) {
        var unknown =
                seats.stream().filter(seat -> !existingSeats.contains(seat)).toList();
        if (!unknown.isEmpty()) {
            return ClaimOutcome.refused(new InvalidInput("No such seats: " + String.join(", ", unknown) + "."));
        }
        var taken = seats.stream().filter(seat -> !freeSeats.containsKey(seat)).toList();
        if (!taken.isEmpty()) {
            return ClaimOutcome.refused(new SeatsUnavailable(taken));
        }
        return ClaimOutcome.held(seats.stream().map(freeSeats::remove).toList());
    }

    /** Every seat id asked for, for the statements that lock them. */
    static Set<String> seatsAskedFor(List<ClaimRequest> requests) {
        var seats = new HashSet<String>();
        requests.stream().filter(ClaimRequest::wantsSeats).forEach(request -> seats.addAll(request.seats()));
        return seats;
    }

    /** Tickets asked for per zone by best-available requests. */
    static Map<String, Integer> quantityByZone(List<ClaimRequest> requests) {
        var quantities = new HashMap<String, Integer>();
        requests.stream()
                .filter(request -> !request.wantsSeats())
                .forEach(request -> quantities.merge(request.zone(), request.quantity(), Integer::sum));
        return quantities;
    }
}
