package org.boxoffice.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HallLayoutTest {

    @Test
    void theDemoCinemaHasTwelveRowsWithoutIOfEighteenSeats() {
        var hall = HallLayout.parse(PartnerSimulation.DEMO_VENUES.get("arman-cinema"));

        assertThat(hall.seatIds()).hasSize(12 * 18).contains("HALL-A-1", "HALL-H-18", "HALL-J-1", "HALL-M-18");
        assertThat(hall.seatIds()).noneMatch(seat -> seat.startsWith("HALL-I-"));
    }

    @Test
    void zonesAndNumberedRowsAreWrittenTogether() {
        var hall = HallLayout.parse("STALLS:1-3:2; BOX:7:1");

        assertThat(hall.seatIds())
                .containsExactly(
                        "STALLS-1-1", "STALLS-1-2", "STALLS-2-1", "STALLS-2-2", "STALLS-3-1", "STALLS-3-2", "BOX-7-1");
    }

    @Test
    void aLayoutThatIsNoLayoutIsRefused() {
        assertThatThrownBy(() -> HallLayout.parse("HALL-A-18")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HallLayout.parse("HALL:M-A:18")).isInstanceOf(IllegalArgumentException.class);
    }
}
