package org.boxoffice.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ZoneStockTest {

    @Test
    void aZoneHasRowsOrStandingPlacesNeverBoth() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ZoneStock("MIXED", List.of(new SeatRow("1", 2)), 5, true, Set.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new ZoneStock("EMPTY", List.of(), 0, true, Set.of()));
    }

    @Test
    void codesAndLabelsCannotBreakTheSeatIdOrTheCopyFormat() {
        assertThatIllegalArgumentException().isThrownBy(() -> ZoneStock.standing("GOLD-1", 5));
        assertThatIllegalArgumentException().isThrownBy(() -> ZoneStock.standing("gold\t", 5));
        assertThatIllegalArgumentException().isThrownBy(() -> new SeatRow("1-2", 5));
        assertThatIllegalArgumentException().isThrownBy(() -> new SeatRow("", 5));
        assertThatIllegalArgumentException().isThrownBy(() -> new SeatRow("1", 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new SeatRow("1", 1001));
    }

    @Test
    void ticketsCountEverySeatWhetherForSaleOrNot() {
        var zone = ZoneStock.seated("GOLD", List.of(new SeatRow("1", 3), new SeatRow("2", 4)))
                .onlyForSale(Set.of("GOLD-1-1"));

        assertThat(zone.tickets()).isEqualTo(7);
        assertThat(ZoneStock.standing("FLOOR", 40).tickets()).isEqualTo(40);
    }
}
