package org.boxoffice.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.catalog.EventDefinition;
import org.boxoffice.catalog.EventKind;
import org.boxoffice.catalog.VenueDefinition;
import org.boxoffice.platform.Money;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The 100,000-seat stadium concert in five zones, as in the product brief. */
@Component
@Order(2)
class DemoStadium implements DemoPart {

    static final String TITLE = "Celeste Moreira — Live in Kokdala";
    private static final int SEATS_PER_ROW = 500;

    private final Catalog catalog;
    private final Clock clock;

    DemoStadium(Catalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "stadium";
    }

    @Override
    public void create() {
        var venue = catalog.createVenue(new VenueDefinition(
                "Central Stadium",
                "Kokdala",
                List.of(
                        standing("GOLDEN_CIRCLE", "Golden Circle", 10_000),
                        standing("FAN_ZONE", "Fan Zone", 15_000),
                        seated("LOWER_TIER", "Lower Tier", 40),
                        seated("MIDDLE_TIER", "Middle Tier", 50),
                        seated("UPPER_TIER", "Upper Tier", 60))));
        var now = clock.instant().truncatedTo(ChronoUnit.HOURS);
        var startsAt = now.plus(Duration.ofDays(60));
        catalog.createEvent(new EventDefinition(
                venue.id(),
                EventKind.CONCERT,
                TITLE,
                "Celeste Moreira brings her world tour to Central Stadium for one night only.",
                startsAt,
                now.minus(Duration.ofHours(1)),
                startsAt.minus(Duration.ofHours(2)),
                "KZT",
                null,
                List.of(
                        price("GOLDEN_CIRCLE", 40_000),
                        price("FAN_ZONE", 80_000),
                        price("LOWER_TIER", 120_000),
                        price("MIDDLE_TIER", 160_000),
                        price("UPPER_TIER", 200_000)),
                null,
                null,
                null));
    }

    private static VenueDefinition.ZoneDefinition standing(String code, String name, int capacity) {
        return new VenueDefinition.ZoneDefinition(code, name, false, null, capacity);
    }

    private static VenueDefinition.ZoneDefinition seated(String code, String name, int rows) {
        var rowDefinitions = IntStream.rangeClosed(1, rows)
                .mapToObj(row -> new VenueDefinition.RowDefinition(Integer.toString(row), SEATS_PER_ROW))
                .toList();
        return new VenueDefinition.ZoneDefinition(code, name, true, rowDefinitions, null);
    }

    private static EventDefinition.ZoneDefinition price(String zone, long tenge) {
        return new EventDefinition.ZoneDefinition(zone, Money.of(tenge * 100, "KZT"), null, null);
    }
}
