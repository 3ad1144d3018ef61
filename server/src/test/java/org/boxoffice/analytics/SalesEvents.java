package org.boxoffice.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.catalog.EventDefinition;
import org.boxoffice.catalog.EventKind;
import org.boxoffice.catalog.RulesDefinition;
import org.boxoffice.catalog.VenueDefinition;
import org.boxoffice.platform.Money;

/**
 * Events for analytics tests, made through the catalog's facade and on sale from an hour ago. The
 * arena has a standing FLOOR and a seated STAND of rows 1-3 with 10 seats each.
 */
final class SalesEvents {

    static final long FLOOR_PRICE = 1_000_000;
    static final long STAND_PRICE = 2_000_000;
    static final int HOLD_SECONDS = 300;

    private final Catalog catalog;

    SalesEvents(Catalog catalog) {
        this.catalog = catalog;
    }

    UUID arena(int floorCapacity) {
        return event(
                EventKind.CONCERT,
                floorCapacity,
                FLOOR_PRICE,
                new RulesDefinition(HOLD_SECONDS, 10, 10, null, null, null));
    }

    /** A give-away: free FLOOR places, one per person. */
    UUID giveaway(int places) {
        return event(EventKind.ACTIVITY, places, 0, new RulesDefinition(HOLD_SECONDS, 1, 1, null, null, null));
    }

    private UUID event(EventKind kind, int floorCapacity, long floorPrice, RulesDefinition rules) {
        var startsAt = Instant.now().plus(Duration.ofDays(30));
        var zones = List.of(zone("FLOOR", floorPrice), zone("STAND", STAND_PRICE));
        return catalog.createEvent(new EventDefinition(
                        arenaVenue(floorCapacity),
                        kind,
                        kind + " " + UUID.randomUUID(),
                        null,
                        startsAt,
                        Instant.now().minus(Duration.ofHours(1)),
                        startsAt.minus(Duration.ofHours(1)),
                        "KZT",
                        null,
                        zones,
                        rules,
                        null,
                        null))
                .id();
    }

    private UUID arenaVenue(int floorCapacity) {
        var rows = List.of(row("1"), row("2"), row("3"));
        return catalog.createVenue(new VenueDefinition(
                        "Arena " + UUID.randomUUID(),
                        "Kokdala",
                        List.of(
                                new VenueDefinition.ZoneDefinition("FLOOR", "Floor", false, null, floorCapacity),
                                new VenueDefinition.ZoneDefinition("STAND", "Stand", true, rows, null))))
                .id();
    }

    private static VenueDefinition.RowDefinition row(String label) {
        return new VenueDefinition.RowDefinition(label, 10);
    }

    private static EventDefinition.ZoneDefinition zone(String code, long price) {
        return new EventDefinition.ZoneDefinition(code, Money.of(price, "KZT"), null, null);
    }
}
