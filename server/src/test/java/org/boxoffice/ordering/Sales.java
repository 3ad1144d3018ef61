package org.boxoffice.ordering;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.catalog.EventDefinition;
import org.boxoffice.catalog.EventKind;
import org.boxoffice.catalog.InventoryMode;
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

    /** The arena sold under a quota: only {@code seats} of the stand, nothing of the floor. */
    UUID quota(List<String> seats) {
        var startsAt = Instant.now().plus(Duration.ofDays(30));
        var rows = List.of(row("1"), row("2"), row("3"));
        var venue = catalog.createVenue(new VenueDefinition(
                "Arena " + UUID.randomUUID(),
                "Kokdala",
                List.of(
                        new VenueDefinition.ZoneDefinition("FLOOR", "Floor", false, null, 20),
                        new VenueDefinition.ZoneDefinition("STAND", "Stand", true, rows, null))));
        var allocation = new EventDefinition.Allocation(List.of(), seats);
        return catalog.createEvent(new EventDefinition(
                        venue.id(),
                        EventKind.CONCERT,
                        "Quota show " + UUID.randomUUID(),
                        null,
                        startsAt,
                        Instant.now().minus(Duration.ofHours(1)),
                        startsAt.minus(Duration.ofHours(1)),
                        "KZT",
                        null,
                        List.of(zone("FLOOR", FLOOR_PRICE), zone("STAND", STAND_PRICE)),
                        generous(),
                        null,
                        new EventDefinition.InventoryDefinition(InventoryMode.QUOTA, null, allocation)))
                .id();
    }

    /** A flight with {@code seats} seats in one ECONOMY zone, in its own limit group. */
    UUID flight(int seats) {
        var departs = Instant.now().plus(Duration.ofDays(10));
        return catalog.createEvent(new EventDefinition(
                        null,
                        EventKind.FLIGHT,
                        "Test flight " + UUID.randomUUID(),
                        null,
                        departs,
                        Instant.now().minus(Duration.ofHours(1)),
                        departs.minus(Duration.ofHours(1)),
                        "KZT",
                        null,
                        List.of(new EventDefinition.ZoneDefinition(
                                "ECONOMY", Money.of(FLOOR_PRICE, "KZT"), seats, "Economy")),
                        new RulesDefinition(180, 1, 1, null, "flights-" + UUID.randomUUID(), null),
                        null,
                        null))
                .id();
    }

    /** A cinema hall of rows A-C with 10 seats, sold through the partner venue {@code venueKey}. */
    UUID partnerShow(String venueKey) {
        var startsAt = Instant.now().plus(Duration.ofDays(3));
        var rows = List.of(
                new VenueDefinition.RowDefinition("A", 10),
                new VenueDefinition.RowDefinition("B", 10),
                new VenueDefinition.RowDefinition("C", 10));
        var venue = catalog.createVenue(new VenueDefinition(
                "Cinema " + UUID.randomUUID(),
                "Kokdala",
                List.of(new VenueDefinition.ZoneDefinition("HALL", "Hall", true, rows, null))));
        var partner = new EventDefinition.Partner("http://partner-simulator.boxoffice.internal/" + venueKey);
        return catalog.createEvent(new EventDefinition(
                        venue.id(),
                        EventKind.CINEMA,
                        "Film " + UUID.randomUUID(),
                        null,
                        startsAt,
                        Instant.now().minus(Duration.ofHours(1)),
                        startsAt.minus(Duration.ofHours(1)),
                        "KZT",
                        null,
                        List.of(zone("HALL", STAND_PRICE)),
                        generous(),
                        null,
                        new EventDefinition.InventoryDefinition(InventoryMode.PARTNER, partner, null)))
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
