package org.boxoffice.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class VenueLayoutTest {

    @Test
    void aSeatedZoneHoldsTheSumOfItsRows() {
        var venue = VenueLayout.build(UUID.randomUUID(), Definitions.arena("Arena"));

        assertThat(venue.zone("NORTH").orElseThrow().capacity()).isEqualTo(4 + 5 + 6);
        assertThat(venue.zone("NORTH").orElseThrow().rows())
                .extracting(Venue.Row::row)
                .containsExactly("A", "B", "C");
        assertThat(venue.zone("FLOOR").orElseThrow().capacity()).isEqualTo(50);
        assertThat(venue.zone("FLOOR").orElseThrow().rows()).isEmpty();
    }

    @Test
    void zoneCodesAndRowLabelsAreUnique() {
        var definition = new VenueDefinition(
                "Twice",
                "Kokdala",
                List.of(
                        new VenueDefinition.ZoneDefinition(
                                "NORTH",
                                "North",
                                true,
                                List.of(Definitions.row("A", 3), Definitions.row("A", 4)),
                                null),
                        new VenueDefinition.ZoneDefinition("NORTH", "North again", false, null, 10)));

        assertThat(fields(definition)).containsExactlyInAnyOrder("zones[0].rows[1].row", "zones[1].code");
    }

    @Test
    void aSeatedZoneNeedsRowsAndAGeneralZoneACapacity() {
        var definition = new VenueDefinition(
                "Half-defined",
                "Kokdala",
                List.of(
                        new VenueDefinition.ZoneDefinition("SEATS", "Seats", true, null, 100),
                        new VenueDefinition.ZoneDefinition(
                                "FLOOR", "Floor", false, List.of(Definitions.row("1", 3)), null)));

        assertThat(fields(definition))
                .containsExactlyInAnyOrder("zones[0].rows", "zones[0].capacity", "zones[1].rows", "zones[1].capacity");
    }

    private static List<String> fields(VenueDefinition definition) {
        return assertThatThrownBy(() -> VenueLayout.build(UUID.randomUUID(), definition))
                .asInstanceOf(InstanceOfAssertFactories.type(InvalidDefinition.class))
                .actual()
                .violations()
                .stream()
                .map(InvalidDefinition.Violation::field)
                .toList();
    }
}
