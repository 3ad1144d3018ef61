package org.boxoffice.inventory;

import java.time.Instant;
import java.util.Collection;
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

    private final TicketClaims claims;

    TicketHolds(TicketClaims claims) {
        this.claims = claims;
    }

    /** Holds exactly these seats, or throws {@link SeatsUnavailable} naming the ones that are taken. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<HeldTicket> holdSeats(UUID eventId, List<String> seats, UUID orderId, Instant heldUntil, Instant now) {
        var held = claims.claimSeats(eventId, seats, orderId, heldUntil, now);
        if (held.size() == seats.size()) {
            return held;
        }
        var existing = claims.existingSeats(eventId, seats);
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
        var claim = new TicketClaims.ZoneClaim(eventId, zone, quantity, orderId, heldUntil, now, excludedSeats);
        var held = claims.claimBest(TicketClaims.Pool.AVAILABLE, claim);
        if (held.size() < quantity) {
            var rest = new TicketClaims.ZoneClaim(
                    eventId, zone, quantity - held.size(), orderId, heldUntil, now, excludedSeats);
            held = Stream.concat(held.stream(), claims.claimBest(TicketClaims.Pool.LAPSED, rest).stream())
                    .toList();
        }
        if (held.size() < quantity) {
            throw new SoldOut(zone);
        }
        return held;
    }

    /** Moves the order's hold to a new end (a payment under way keeps it from lapsing). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int extend(UUID eventId, UUID orderId, Instant heldUntil) {
        return claims.extend(eventId, orderId, heldUntil);
    }

    /** The order's held tickets become SOLD; returns how many did. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int sell(UUID eventId, UUID orderId) {
        return claims.sell(eventId, orderId);
    }

    /** The order's held tickets become AVAILABLE again. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int release(UUID eventId, UUID orderId) {
        return claims.release(eventId, orderId);
    }

    /** The held tickets of many orders (expired ones) become AVAILABLE again. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int releaseAll(Collection<UUID> orderIds) {
        return orderIds.isEmpty() ? 0 : claims.releaseAll(orderIds);
    }

    /** The order's sold tickets become AVAILABLE again (after a refund). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int returnSold(UUID eventId, UUID orderId) {
        return claims.returnSold(eventId, orderId);
    }
}
