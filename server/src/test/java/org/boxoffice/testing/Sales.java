package org.boxoffice.testing;

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
 * Events to sell in ordering tests, made through the catalog's facade. The arena has a standing
 * FLOOR and a seated STAND of rows 1-3 with 10 seats each.
 */
public final class Sales {

    public static final long FLOOR_PRICE = 1_000_000;
    public static final long STAND_PRICE = 2_000_000;

    private final Catalog catalog;

    public Sales(Catalog catalog) {
        this.catalog = catalog;
    }

    public UUID arena(int floorCapacity, RulesDefinition rules) {
        return arena(floorCapacity, rules, inAMonth(), EventKind.CONCERT, FLOOR_PRICE);
    }

    public UUID arena(int floorCapacity, RulesDefinition rules, Instant startsAt, EventKind kind, long floorPrice) {
        var zones = List.of(zone("FLOOR", floorPrice), zone("STAND", STAND_PRICE));
        return event(arenaVenue(floorCapacity), kind, startsAt, zones, rules, null);
    }

    /** The arena sold under a quota: only {@code seats} of the stand, nothing of the floor. */
    public UUID quota(List<String> seats) {
        var zones = List.of(zone("FLOOR", FLOOR_PRICE), zone("STAND", STAND_PRICE));
        var quota = new EventDefinition.InventoryDefinition(
                InventoryMode.QUOTA, null, new EventDefinition.Allocation(List.of(), seats));
        return event(arenaVenue(20), EventKind.CONCERT, inAMonth(), zones, generous(), quota);
    }

    /** A flight with {@code seats} seats in one ECONOMY zone, in a limit group of its own. */
    public UUID flight(int seats) {
        var economy = new EventDefinition.ZoneDefinition("ECONOMY", Money.of(FLOOR_PRICE, "KZT"), seats, "Economy");
        var rules = new RulesDefinition(180, 1, 1, null, "flights-" + UUID.randomUUID(), null);
        return event(null, EventKind.FLIGHT, inAMonth(), List.of(economy), rules, null);
    }

    /** A cinema hall of rows A-C with 10 seats, sold through the partner venue {@code venueKey}. */
    public UUID partnerShow(String venueKey) {
        var rows = List.of(row("A"), row("B"), row("C"));
        var hall = catalog.createVenue(new VenueDefinition(
                        "Cinema " + UUID.randomUUID(),
                        "Kokdala",
                        List.of(new VenueDefinition.ZoneDefinition("HALL", "Hall", true, rows, null))))
                .id();
        var partner = new EventDefinition.InventoryDefinition(
                InventoryMode.PARTNER,
                new EventDefinition.Partner("http://partner-simulator.boxoffice.internal/" + venueKey),
                null);
        return event(hall, EventKind.CINEMA, inAMonth(), List.of(zone("HALL", STAND_PRICE)), generous(), partner);
    }

    /** An event whose sale opens in a day. */
    public UUID notYetOnSale() {
        var startsAt = inAMonth();
        var floor = new EventDefinition.ZoneDefinition("FLOOR", Money.of(FLOOR_PRICE, "KZT"), 10, null);
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
                        List.of(floor),
                        null,
                        null,
                        null))
                .id();
    }

    public static RulesDefinition rules(
            @Nullable Integer maxTickets, @Nullable Integer maxOrders, @Nullable String limitGroup) {
        return new RulesDefinition(null, maxTickets, maxOrders, null, limitGroup, null);
    }

    public static RulesDefinition generous() {
        return rules(10, 10, null);
    }

    /** On sale from an hour ago until an hour before it starts. */
    private UUID event(
            @Nullable UUID venueId,
            EventKind kind,
            Instant startsAt,
            List<EventDefinition.ZoneDefinition> zones,
            RulesDefinition rules,
            EventDefinition.@Nullable InventoryDefinition inventory) {
        return catalog.createEvent(new EventDefinition(
                        venueId,
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
                        inventory))
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

    private static Instant inAMonth() {
        return Instant.now().plus(Duration.ofDays(30));
    }

    private static VenueDefinition.RowDefinition row(String label) {
        return new VenueDefinition.RowDefinition(label, 10);
    }

    private static EventDefinition.ZoneDefinition zone(String code, long price) {
        return new EventDefinition.ZoneDefinition(code, Money.of(price, "KZT"), null, null);
    }
}
