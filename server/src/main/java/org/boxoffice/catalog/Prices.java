package org.boxoffice.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The current price of one ticket of a zone. With demand pricing {@code price = basePrice *
 * (booked / capacity * 2 + 1)}, where booked counts held and sold tickets: an empty zone sells at
 * the base price, a full one at three times it. Rounded half up to whole minor units.
 */
final class Prices {

    private Prices() {}

    static long current(PricingMode mode, long basePrice, long booked, long capacity) {
        if (mode == PricingMode.FIXED || capacity <= 0) {
            return basePrice;
        }
        // basePrice * (capacity + 2 * booked) / capacity, in exact decimal arithmetic.
        var factor = BigDecimal.valueOf(capacity).add(BigDecimal.valueOf(booked).multiply(BigDecimal.TWO));
        return BigDecimal.valueOf(basePrice)
                .multiply(factor)
                .divide(BigDecimal.valueOf(capacity), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
