package org.boxoffice.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TicketLinesTest {

    private static final UUID EVENT = UUID.fromString("0b6f43a2-6a8e-4b34-9f0a-5c7a2e1d9c11");

    @Test
    void everySeatBecomesOneLineWithItsReadableSeatId() throws IOException {
        var lines = lines(ZoneStock.seated("GOLD", List.of(new SeatRow("1", 3), new SeatRow("12", 2))));

        assertThat(lines).hasSize(5).allSatisfy(line -> assertThat(line).hasSize(8));
        assertThat(lines)
                .extracting(line -> line[2])
                .containsExactly("GOLD-1-1", "GOLD-1-2", "GOLD-1-3", "GOLD-12-1", "GOLD-12-2");
        assertThat(lines.get(3))
                .containsExactly(EVENT.toString(), "GOLD", "GOLD-12-1", "12", "2", "1", "4", "AVAILABLE");
    }

    @Test
    void frontRowsRankBeforeBackRowsAndCentreSeatsBeforeTheEdges() throws IOException {
        var lines = lines(ZoneStock.seated("GOLD", List.of(new SeatRow("A", 3), new SeatRow("B", 4))));

        assertThat(lines)
                .extracting(line -> line[2] + "=" + line[6])
                .containsExactly(
                        "GOLD-A-1=2",
                        "GOLD-A-2=1",
                        "GOLD-A-3=3",
                        "GOLD-B-1=6",
                        "GOLD-B-2=4",
                        "GOLD-B-3=5",
                        "GOLD-B-4=7");
    }

    @Test
    void seatsOutsideTheQuotaAreNotForSale() throws IOException {
        var zone = ZoneStock.seated("FAN", List.of(new SeatRow("1", 3))).onlyForSale(Set.of("FAN-1-2"));

        assertThat(lines(zone))
                .extracting(line -> line[7])
                .containsExactly("NOT_FOR_SALE", "AVAILABLE", "NOT_FOR_SALE");
    }

    @Test
    void standingPlacesHaveNoSeatAndRankInOrder() throws IOException {
        var lines = lines(ZoneStock.standing("FLOOR", 3));

        assertThat(lines).extracting(line -> line[6]).containsExactly("1", "2", "3");
        assertThat(lines)
                .allSatisfy(line -> assertThat(Arrays.copyOfRange(line, 2, 6)).containsOnly("\\N"));
        assertThat(lines).extracting(line -> line[7]).containsOnly("AVAILABLE");
    }

    @Test
    void standingPlacesOutsideTheQuotaAreAllNotForSale() throws IOException {
        assertThat(lines(ZoneStock.standing("FLOOR", 2).onlyForSale(Set.of())))
                .extracting(line -> line[7])
                .containsOnly("NOT_FOR_SALE");
    }

    private static List<String[]> lines(ZoneStock zone) throws IOException {
        var out = new StringBuilder();
        TicketLines.write(EVENT, zone, out);
        return out.toString().lines().map(line -> line.split("\t", -1)).toList();
    }
}
