package org.boxoffice.loadtest.scenario;

import java.util.Arrays;

/** An order's status as the API names it; {@code UNKNOWN} for anything this runner does not know. */
enum OrderStatus {
    PENDING,
    HELD,
    PAID,
    EXPIRED,
    CANCELLED,
    REFUNDED,
    FAILED,
    UNKNOWN;

    static OrderStatus parse(String text) {
        return Arrays.stream(values())
                .filter(status -> status.name().equals(text))
                .findFirst()
                .orElse(UNKNOWN);
    }
}
