package org.boxoffice.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.boxoffice.platform.Money;
import org.junit.jupiter.api.Test;

class PricesTest {

    @Test
    void fixedPricingIgnoresDemand() {
        assertThat(Prices.current(PricingMode.FIXED, 40_000_00, 90, 100)).isEqualTo(40_000_00);
    }

    @Test
    void demandPricingStartsAtTheBasePrice() {
        assertThat(Prices.current(PricingMode.DEMAND, 10_000, 0, 80)).isEqualTo(10_000);
    }

    @Test
    void demandPricingTriplesWhenEverythingIsBooked() {
        assertThat(Prices.current(PricingMode.DEMAND, 10_000, 80, 80)).isEqualTo(30_000);
    }

    @Test
    void demandPricingFollowsTheFormula() {
        // 10,000 * (20 / 80 * 2 + 1) = 15,000
        assertThat(Prices.current(PricingMode.DEMAND, 10_000, 20, 80)).isEqualTo(15_000);
    }

    @Test
    void demandPriceIsRoundedHalfUpToWholeMinorUnits() {
        // 5 * (1 / 4 * 2 + 1) = 7.5 -> 8
        assertThat(Prices.current(PricingMode.DEMAND, 5, 1, 4)).isEqualTo(8);
        // 1 * (1 / 3 * 2 + 1) = 1.666... -> 2
        assertThat(Prices.current(PricingMode.DEMAND, 1, 1, 3)).isEqualTo(2);
        // 100 * (1 / 3 * 2 + 1) = 166.666... -> 167
        assertThat(Prices.current(PricingMode.DEMAND, 100, 1, 3)).isEqualTo(167);
        // 7 * (1 / 7 * 2 + 1) = 9 exactly
        assertThat(Prices.current(PricingMode.DEMAND, 7, 1, 7)).isEqualTo(9);
    }

    @Test
    void aZoneWithNothingForSaleKeepsItsBasePrice() {
        assertThat(Prices.current(PricingMode.DEMAND, 10_000, 0, 0)).isEqualTo(10_000);
    }

    @Test
    void theLargestPricesAndZonesDoNotOverflow() {
        assertThat(Prices.current(PricingMode.DEMAND, Money.MAX_AMOUNT, 1_000_000, 1_000_000))
                .isEqualTo(3 * Money.MAX_AMOUNT);
    }
}
