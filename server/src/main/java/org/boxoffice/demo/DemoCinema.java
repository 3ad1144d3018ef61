package org.boxoffice.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.catalog.EventDefinition;
import org.boxoffice.catalog.EventKind;
import org.boxoffice.catalog.InventoryMode;
import org.boxoffice.catalog.VenueDefinition;
import org.boxoffice.platform.Money;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * An evening show in a cinema hall whose seats the cinema's own system owns (PARTNER mode): the
 * partner decides which seats are free. The host {@code partner-simulator.boxoffice.internal}
 * stands for the in-process partner simulator, whose port changes from start to start.
 */
@Component
@Order(4)
class DemoCinema implements DemoPart {

    static final String PARTNER = "http://partner-simulator.boxoffice.internal/arman-cinema";
    private static final List<String> ROWS = List.of("A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M");
    private static final int SEATS_PER_ROW = 18;

    private final Catalog catalog;
    private final Clock clock;

    DemoCinema(Catalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "cinema";
    }

    @Override
    public void create() {
        var rows = ROWS.stream()
                .map(row -> new VenueDefinition.RowDefinition(row, SEATS_PER_ROW))
                .toList();
        var hall = new VenueDefinition.ZoneDefinition("HALL", "Hall 3", true, rows, null);
        var venue = catalog.createVenue(new VenueDefinition("Arman Cinema", "Kokdala", List.of(hall)));
        var now = clock.instant().truncatedTo(ChronoUnit.HOURS);
        var startsAt = now.plus(Duration.ofDays(3)).plus(Duration.ofHours(2));
        catalog.createEvent(new EventDefinition(
                venue.id(),
                EventKind.CINEMA,
                "Steppe Lights — evening show",
                "A road movie across the steppe. 118 minutes, in Kazakh with Russian subtitles.",
                startsAt,
                now.minus(Duration.ofHours(1)),
                startsAt.minus(Duration.ofMinutes(15)),
                "KZT",
                null,
                List.of(new EventDefinition.ZoneDefinition("HALL", Money.of(300_000, "KZT"), null, null)),
                null,
                null,
                new EventDefinition.InventoryDefinition(
                        InventoryMode.PARTNER, new EventDefinition.Partner(PARTNER), null)));
    }
}
