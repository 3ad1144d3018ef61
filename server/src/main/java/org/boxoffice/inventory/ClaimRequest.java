package org.boxoffice.inventory;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One order's part of a claim made together with other orders of the same event: exactly
 * these {@code seats}, or the best {@code quantity} tickets of a {@code zone}.
 */
public record ClaimRequest(
        UUID orderId,
        @Nullable String zone,
        int quantity,
        @Nullable List<String> seats) {

    public ClaimRequest {
        seats = seats == null ? null : List.copyOf(seats);
    }

    public static ClaimRequest best(UUID orderId, String zone, int quantity) {
        return new ClaimRequest(orderId, zone, quantity, null);
    }

    public static ClaimRequest seats(UUID orderId, List<String> seats) {
        return new ClaimRequest(orderId, null, seats.size(), seats);
    }

    boolean wantsSeats() {
        return seats != null;
    }
}
