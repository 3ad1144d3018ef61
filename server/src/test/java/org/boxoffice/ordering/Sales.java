package org.boxoffice.ordering;

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
import org.jspecify.annotations.Nullable;

/**
 * Events to sell in ordering tests, made through the catalog's facade: a small arena with a
 * standing FLOOR and a seated stand of rows 1-3 of 10 seats each.
 */
final class Sales {

    static final long FLOOR_PRICE = 1_000_000;
    static final long STAND_PRICE = 2_000_000;

    private final Catalog catalog;

    Sales(Catalog catalog) {
        this.catalog = catalog;
    }

    UUID arena(int floorCapacity, RulesDefinition rules) {
        return arena(floorCapacity, rules, Instant.now().plus(Duration.ofDays(30)), EventKind.CONCERT, FLOOR_PRICE);
    }

    UUID arena(int floorCapacity, RulesDefinition rules, Instant startsAt, EventKind kind, long floorPrice) {
        var rows = List.of(row("1"), row("2"), row("3"));
        var venue = catalog.createVenue(new VenueDefinition(
                "Arena " + UUID.randomUUID(),
                "Kokdala",
                List.of(
                        new VenueDefinition.ZoneDefinition("FLOOR", "Floor", false, null, floorCapacity),
                        new VenueDefinition.ZoneDefinition("STAND", "Stand", true, rows, null))));
        return catalog.createEvent(new EventDefinition(
                        venue.id(),
                        kind,
                        "Test show " + UUID.randomUUID(),
                        null,
                        startsAt,
                        Instant.now().minus(Duration.ofHours(1)),
                        startsAt.minus(Duration.ofHours(1)),
                        "KZT",
                        null,
                        List.of(zone("FLOOR", floorPrice), zone("STAND", STAND_PRICE)),
                        rules,
                        null,
                        null))
                .id();
    }

    /** An event whose sale opens in a day. */
    UUID notYetOnSale() {
        var startsAt = Instant.now().plus(Duration.ofDays(30));
        return catalog.createEvent(new EventDefinition(
                        null,
                        EventKind.OTHER,
                        "Later " + UUID.randomUUID(),
                        null,
                        startsAt,
                        Instant.now().plus(Duration.ofDays(1)),
                        startsAt.minus(Duration.ofHours(1)),
                        "KZT",
                        null,
                        List.of(new EventDefinition.ZoneDefinition("FLOOR", Money.of(FLOOR_PRICE, "KZT"), 10, null)),
                        null,
                        null,
                        null))
                .id();
    }

    static RulesDefinition rules(
            @Nullable Integer maxTickets, @Nullable Integer maxOrders, @Nullable String limitGroup) {
        return new RulesDefinition(null, maxTickets, maxOrders, null, limitGroup, null);
    }

    static RulesDefinition generous() {
        return rules(10, 10, null);
    }

    private static VenueDefinition.RowDefinition row(String label) {
        return new VenueDefinition.RowDefinition(label, 10);
    }

    private static EventDefinition.ZoneDefinition zone(String code, long price) {
        return new EventDefinition.ZoneDefinition(code, Money.of(price, "KZT"), null, null);
    }
}
