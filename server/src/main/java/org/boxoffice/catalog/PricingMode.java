package org.boxoffice.catalog;

/** How a zone's current price follows from its base price. See {@link Prices}. */
public enum PricingMode {
    /** Always the base price. */
    FIXED,
    /** The base price grows with the share of the zone already held or sold, up to three times. */
    DEMAND
}
