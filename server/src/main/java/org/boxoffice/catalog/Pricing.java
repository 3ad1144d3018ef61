package org.boxoffice.catalog;

import jakarta.validation.constraints.NotNull;

/** The pricing of an event: {@code {"mode": "FIXED" | "DEMAND"}}. */
public record Pricing(@NotNull PricingMode mode) {

    public static final Pricing FIXED = new Pricing(PricingMode.FIXED);
}
