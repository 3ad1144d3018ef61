package org.boxoffice.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * Turns a venue definition into a venue, checking what bean validation cannot see: codes and
 * row labels are unique, a seated zone has rows and no capacity of its own, a general zone has a
 * capacity and no rows.
 */
final class VenueLayout {

    private VenueLayout() {}

    static Venue build(UUID id, VenueDefinition definition) {
        var violations = new Violations();
        var codes = new HashSet<String>();
        var zones = new ArrayList<Venue.Zone>();
        for (int i = 0; i < definition.zones().size(); i++) {
            var zone = definition.zones().get(i);
            var field = "zones[" + i + "]";
            violations.check(codes.add(zone.code()), field + ".code", "repeats zone " + zone.code());
            zones.add(zone.seated() ? seated(zone, field, violations) : general(zone, field, violations));
        }
        violations.throwIfAny();
        return new Venue(id, definition.name().strip(), definition.city().strip(), List.copyOf(zones));
    }

    private static Venue.Zone seated(VenueDefinition.ZoneDefinition zone, String field, Violations violations) {
        var definedRows = zone.rows() != null ? zone.rows() : List.<VenueDefinition.RowDefinition>of();
        violations.check(!definedRows.isEmpty(), field + ".rows", "a seated zone lists its rows");
        var labels = new HashSet<String>();
        var rows = new ArrayList<Venue.Row>();
        for (int r = 0; r < definedRows.size(); r++) {
            var row = definedRows.get(r);
            violations.check(labels.add(row.row()), field + ".rows[" + r + "].row", "repeats row " + row.row());
            rows.add(new Venue.Row(row.row(), row.seats()));
        }
        int seats = rows.stream().mapToInt(Venue.Row::seats).sum();
        violations.check(
                zone.capacity() == null || zone.capacity() == seats,
                field + ".capacity",
                "a seated zone's capacity is the sum of its rows (" + seats + "); leave it out");
        return new Venue.Zone(zone.code(), zone.name().strip(), true, List.copyOf(rows), seats);
    }

    private static Venue.Zone general(VenueDefinition.ZoneDefinition zone, String field, Violations violations) {
        violations.check(zone.rows() == null, field + ".rows", "a general-admission zone has no rows");
        violations.check(zone.capacity() != null, field + ".capacity", "a general-admission zone gives its capacity");
        int capacity = zone.capacity() != null ? zone.capacity() : 0;
        return new Venue.Zone(zone.code(), zone.name().strip(), false, List.of(), capacity);
    }
}
