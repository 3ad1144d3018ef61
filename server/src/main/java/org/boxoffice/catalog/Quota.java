package org.boxoffice.catalog;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.boxoffice.inventory.ZoneStock;

/**
 * A provider's quota: in {@code QUOTA} mode only the allocated zones (all their tickets) and
 * seats are for sale; every other ticket is created not for sale. The allocation must name zones
 * and seats the event really has.
 */
final class Quota {

    private Quota() {}

    /** The stock with the allocation applied, in the same order. */
    static List<ZoneStock> apply(
            EventDefinition.InventoryDefinition inventory, List<ZoneStock> stock, Violations violations) {
        var allocation = inventory.allocation();
        if (inventory.mode() != InventoryMode.QUOTA) {
            violations.check(allocation == null, "inventory.allocation", "is only for QUOTA inventory");
            return stock;
        }
        if (!violations.check(allocation != null, "inventory.allocation", "is required for QUOTA inventory")) {
            return stock;
        }
        var zones = allocation.zones() != null ? allocation.zones() : List.<String>of();
        var seats = allocation.seats() != null ? allocation.seats() : List.<String>of();
        violations.check(!zones.isEmpty() || !seats.isEmpty(), "inventory.allocation", "allocates nothing");
        var byCode = new HashMap<String, ZoneStock>();
        stock.forEach(zone -> byCode.put(zone.zone(), zone));

        var wholeZones = new HashSet<String>();
        for (int i = 0; i < zones.size(); i++) {
            var code = zones.get(i);
            if (violations.check(
                    byCode.containsKey(code), "inventory.allocation.zones[" + i + "]", "is not a zone of this event")) {
                wholeZones.add(code);
            }
        }
        var seatsByZone = allocatedSeats(seats, byCode, violations);
        return stock.stream()
                .map(zone -> wholeZones.contains(zone.zone())
                        ? zone
                        : zone.onlyForSale(seatsByZone.getOrDefault(zone.zone(), Set.of())))
                .toList();
    }

    private static Map<String, Set<String>> allocatedSeats(
            List<String> seats, Map<String, ZoneStock> byCode, Violations violations) {
        var rowsByZone = new HashMap<String, Map<String, Integer>>();
        var seatsByZone = new HashMap<String, Set<String>>();
        for (int i = 0; i < seats.size(); i++) {
            var seat = SeatId.parse(seats.get(i)).orElse(null);
            var zone = seat != null ? byCode.get(seat.zone()) : null;
            boolean exists = seat != null
                    && zone != null
                    && seat.number() >= 1
                    && seat.number()
                            <= rowsByZone
                                    .computeIfAbsent(zone.zone(), code -> rowLengths(zone))
                                    .getOrDefault(seat.row(), 0);
            if (violations.check(
                    exists, "inventory.allocation.seats[" + i + "]", "is not a seat of this event: " + seats.get(i))) {
                seatsByZone
                        .computeIfAbsent(seat.zone(), code -> new HashSet<>())
                        .add(seat.toString());
            }
        }
        return seatsByZone;
    }

    private static Map<String, Integer> rowLengths(ZoneStock zone) {
        var rows = new HashMap<String, Integer>();
        zone.rows().forEach(row -> rows.put(row.label(), row.seats()));
        return rows;
    }
}
