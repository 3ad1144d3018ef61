package org.boxoffice.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.boxoffice.inventory.SeatRowStatus;
import org.junit.jupiter.api.Test;

class SeatMapTest {

    private static final UUID EVENT = UUID.fromString("6f1c1f7e-8f8b-4a3e-9d59-0c8b7a6d5e4f");

    @Test
    void equalSeatMapsHaveEqualStrongTags() {
        var tag = map("AAHS", "AXAA").etag();

        assertThat(map("AAHS", "AXAA").etag()).isEqualTo(tag);
        assertThat(tag).startsWith("\"").endsWith("\"").doesNotStartWith("W/");
    }

    @Test
    void oneChangedSeatChangesTheTag() {
        assertThat(map("AAHS", "AXAA").etag()).isNotEqualTo(map("AAHS", "AXAH").etag());
    }

    @Test
    void movingTextBetweenRowsChangesTheTag() {
        assertThat(map("AAH", "SA").etag()).isNotEqualTo(map("AA", "HSA").etag());
    }

    private static SeatMap map(String first, String second) {
        return new SeatMap(
                EVENT,
                List.of(new SeatMap.Zone(
                        "NORTH", List.of(new SeatRowStatus("A", first), new SeatRowStatus("B", second)))));
    }
}
