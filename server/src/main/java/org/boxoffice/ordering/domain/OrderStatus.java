package org.boxoffice.ordering.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an order is in its life, and the one table of the moves it may make:
 *
 * <pre>
 * PENDING ──partner confirms──▶ HELD ──payment succeeds──▶ PAID ──cancel before cutoff──▶ REFUNDED
 *    └─partner fails──▶ FAILED    ├─ expires_at passes ──▶ EXPIRED
 *                                 └─ user cancels ───────▶ CANCELLED
 * </pre>
 */
public enum OrderStatus {
    PENDING,
    HELD,
    PAID,
    EXPIRED,
    CANCELLED,
    REFUNDED,
    FAILED;

    private static final Map<OrderStatus, Set<OrderStatus>> MOVES = Map.of(
            PENDING, EnumSet.of(HELD, FAILED),
            HELD, EnumSet.of(PAID, EXPIRED, CANCELLED),
            PAID, EnumSet.of(REFUNDED),
            EXPIRED, EnumSet.noneOf(OrderStatus.class),
            CANCELLED, EnumSet.noneOf(OrderStatus.class),
            REFUNDED, EnumSet.noneOf(OrderStatus.class),
            FAILED, EnumSet.noneOf(OrderStatus.class));

    /** A live order still holds its tickets. */
    public boolean isLive() {
        return this == PENDING || this == HELD;
    }

    public boolean canBecome(OrderStatus next) {
        return MOVES.get(this).contains(next);
    }
}
