package org.boxoffice.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.boxoffice.platform.InvalidInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves tickets between AVAILABLE, HELD and SOLD for an order. Every method runs in the caller's
 * transaction and checks with its own statement: a claim either gets every ticket it asked for
 * or throws, and the caller's rollback puts back whatever was claimed.
 */
@Service
public class TicketHolds {

    private final TicketStatements statements;

    TicketHolds(TicketStatements statements) {
        this.statements = statements;
    }

    /** Holds exactly these seats, or throws {@link SeatsUnavailable} naming the ones that are taken. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<HeldTicket> holdSeats(UUID eventId, List<String> seats, UUID orderId, Instant heldUntil, Instant now) {
        var held = statements.claimSeats(eventId, seats, orderId, heldUntil, now);
        if (held.size() == seats.size()) {
            return held;
        }
        var existing = statements.existingSeats(eventId, seats);
        var unknown = seats.stream().filter(seat -> !existing.contains(seat)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInput("No such seats: " + String.join(", ", unknown) + ".");
        }
        var claimed = held.stream().map(HeldTicket::seat).toList();
        throw new SeatsUnavailable(
                seats.stream().filter(seat -> !claimed.contains(seat)).toList());
    }

    /**
     * Holds the best {@code quantity} available tickets of the zone. Tickets that another
     * transaction is claiming at this moment are skipped rather than waited for.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<HeldTicket> holdBest(
            UUID eventId, String zone, int quantity, UUID orderId, Instant heldUntil, Instant now) {
        return holdBest(eventId, zone, quantity, orderId, heldUntil, now, Set.of());
    }

    /** Like the above, passing over {@code excludedSeats} (seats a partner sold through its own channels). */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<HeldTicket> holdBest(
            UUID eventId,
            String zone,
            int quantity,
            UUID orderId,
            Instant heldUntil,
            Instant now,
            Set<String> excludedSeats) {
        var claim = new TicketStatements.ZoneClaim(eventId, zone, quantity, orderId, heldUntil, now, excludedSeats);
        var held = statements.claimBest(TicketStatements.Pool.AVAILABLE, claim);
        if (held.size() < quantity) {
            var rest = new TicketStatements.ZoneClaim(
                    eventId, zone, quantity - held.size(), orderId, heldUntil, now, excludedSeats);
            held = Stream.concat(held.stream(), statements.claimBest(TicketStatements.Pool.LAPSED, rest).stream())
                    .toList();
        }
        if (held.size() < quantity) {
            throw new SoldOut(zone);
        }
        return held;
    }

    /**
     * Claims tickets for several orders of one event at once: the tickets every request could use
     * are locked with one statement per zone (and one for seats asked for by id), shared out in
     * memory in the order of {@code requests}, and held with one statement. Each request gets
     * everything it asked for or nothing; tickets nobody could be given whole stay as they were.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public GroupClaim holdTogether(UUID eventId, List<ClaimRequest> requests, Instant heldUntil, Instant now) {
        // Seats asked for by id first: the only statement that waits for other buyers' locks, so
        // this transaction holds no other ticket lock while it waits (no deadlocks).
        var asked = TicketAllotment.seatsAskedFor(requests);
        var lockedSeats = asked.isEmpty() ? List.<HeldTicket>of() : statements.lockSeats(eventId, asked, now);
        var lockedBest = new HashMap<String, List<HeldTicket>>();
        TicketAllotment.quantityByZone(requests)
                .forEach((zone, quantity) ->
                        // A seat locked above comes back here too (our own lock does not skip it):
                        // lock that many more, and the allotment passes over them.
                        lockedBest.put(zone, lockBest(eventId, zone, quantity + lockedSeats.size(), now)));
        var allotment = new TicketAllotment(lockedBest, lockedSeats, existing(eventId, asked, lockedSeats));
        var shared = allotment.share(requests);
        assign(eventId, requests, shared.outcomes(), heldUntil);
        return shared;
    }

    private List<HeldTicket> lockBest(UUID eventId, String zone, int quantity, Instant now) {
        var locked = statements.lockBest(TicketStatements.Pool.AVAILABLE, eventId, zone, quantity, now);
        if (locked.size() == quantity) {
            return locked;
        }
        var lapsed = statements.lockBest(TicketStatements.Pool.LAPSED, eventId, zone, quantity - locked.size(), now);
        return Stream.concat(locked.stream(), lapsed.stream()).toList();
    }

    /** The seats asked for that exist: all of them, unless some could not be locked. */
    private Set<String> existing(UUID eventId, Set<String> asked, List<HeldTicket> lockedSeats) {
        if (lockedSeats.size() == asked.size()) {
            return asked;
        }
        return statements.existingSeats(eventId, List.copyOf(asked));
    }

    private void assign(UUID eventId, List<ClaimRequest> requests, List<ClaimOutcome> outcomes, Instant heldUntil) {
        var ticketIds = new ArrayList<UUID>();
        var orderIds = new ArrayList<UUID>();
        for (int i = 0; i < requests.size(); i++) {
            for (var ticket : outcomes.get(i).tickets()) {
                ticketIds.add(ticket.id());
                orderIds.add(requests.get(i).orderId());
            }
        }
        if (!ticketIds.isEmpty()) {
            statements.assign(eventId, ticketIds, orderIds, heldUntil);
        }
    }

    /** Moves the order's hold to a new end (a payment under way keeps it from lapsing). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int extend(UUID eventId, UUID orderId, Instant heldUntil) {
        return statements.extend(eventId, orderId, heldUntil);
    }

    /** The order's held tickets become SOLD; returns how many did. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int sell(UUID eventId, UUID orderId) {
        return statements.sell(eventId, orderId);
    }

    /** The held tickets of several orders of one event become SOLD; returns how many did. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int sellAll(UUID eventId, Collection<UUID> orderIds) {
        return orderIds.isEmpty() ? 0 : statements.sellAll(eventId, orderIds);
    }

    /** The order's held tickets become AVAILABLE again. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int release(UUID eventId, UUID orderId) {
        return statements.release(eventId, orderId);
    }

    /** The held tickets of many orders (expired ones) become AVAILABLE again. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int releaseAll(Collection<UUID> orderIds) {
        return orderIds.isEmpty() ? 0 : statements.releaseAll(orderIds);
    }

    /** The order's sold tickets become AVAILABLE again (after a refund). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int returnSold(UUID eventId, UUID orderId) {
        return statements.returnSold(eventId, orderId);
    }
}
