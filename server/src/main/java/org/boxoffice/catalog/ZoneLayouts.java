package org.boxoffice.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.boxoffice.inventory.SeatRow;
import org.boxoffice.inventory.ZoneStock;

/**
 * What each zone of an event definition sells. With a venue, a zone is one of the venue's: all
 * its seats, or up to its capacity of standing places. Without one, every zone is general
 * admission with the capacity it gives.
 */
final class ZoneLayouts {

    /** One zone: its display name, base price and tickets. */
    record Layout(String name, long basePrice, ZoneStock stock) {}

    private ZoneLayouts() {}

    /** @param venue the event's venue; empty for an event without one */
    static List<Layout> of(EventDefinition definition, Optional<Venue> venue, Violations violations) {
        var codes = new HashSet<String>();
        var layouts = new ArrayList<Layout>();
        for (int i = 0; i < definition.zones().size(); i++) {
            var zone = definition.zones().get(i);
            var field = "zones[" + i + "]";
            violations.check(codes.add(zone.code()), field + ".code", "repeats zone " + zone.code());
            violations.check(
                    zone.price().currency().equals(definition.currency()),
                    field + ".price.currency",
                    "must be the event's currency " + definition.currency());
            var layout = venue.isPresent()
                    ? inVenue(zone, venue.get(), field, violations)
                    : standing(zone, field, violations);
            layout.ifPresent(layouts::add);
        }
        return List.copyOf(layouts);
    }

    private static Optional<Layout> inVenue(
            EventDefinition.ZoneDefinition zone, Venue venue, String field, Violations violations) {
        var venueZone = venue.zone(zone.code());
        if (venueZone.isEmpty()) {
            violations.add(field + ".code", "venue " + venue.name() + " has no zone " + zone.code());
            return Optional.empty();
        }
        var known = venueZone.get();
        var name = zone.name() != null ? zone.name() : known.name();
        if (known.seated()) {
            violations.check(
                    zone.capacity() == null || zone.capacity() == known.capacity(),
                    field + ".capacity",
                    "a seated zone sells every seat of the venue zone (" + known.capacity() + "); leave it out");
            var rows = known.rows().stream()
                    .map(row -> new SeatRow(row.row(), row.seats()))
                    .toList();
            return Optional.of(new Layout(name, zone.price().amount(), ZoneStock.seated(zone.code(), rows)));
        }
        int places = zone.capacity() != null ? zone.capacity() : known.capacity();
        if (!violations.check(
                places <= known.capacity(),
                field + ".capacity",
                "must not exceed the venue zone's capacity " + known.capacity())) {
            return Optional.empty();
        }
        return Optional.of(new Layout(name, zone.price().amount(), ZoneStock.standing(zone.code(), places)));
    }

    private static Optional<Layout> standing(EventDefinition.ZoneDefinition zone, String field, Violations violations) {
        if (!violations.check(zone.capacity() != null, field + ".capacity", "is required without a venue")) {
            return Optional.empty();
        }
        var name = zone.name() != null ? zone.name() : zone.code();
        return Optional.of(new Layout(name, zone.price().amount(), ZoneStock.standing(zone.code(), zone.capacity())));
    }
}
