package org.boxoffice.analytics;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.boxoffice.catalog.EventDetail;
import org.boxoffice.platform.Money;

/** Puts a sales report together from the event's live counts and its paid slices. */
final class SalesReports {

    private SalesReports() {}

    static SalesReport of(EventDetail event, List<PaidSlice> slices) {
        var currency = event.minPrice().currency();
        var zones = zones(event, slices, currency);
        return new SalesReport(event.id(), zones, totals(zones, currency), timeline(slices, currency));
    }

    private static List<SalesReport.Zone> zones(EventDetail event, List<PaidSlice> slices, String currency) {
        var revenue = new HashMap<String, Long>();
        slices.forEach(slice -> revenue.merge(slice.zone(), slice.revenue(), Math::addExact));
        return event.zones().stream()
                .map(zone -> new SalesReport.Zone(
                        zone.code(),
                        zone.capacity(),
                        zone.available(),
                        zone.held(),
                        zone.sold(),
                        Money.of(revenue.getOrDefault(zone.code(), 0L), currency)))
                .toList();
    }

    private static SalesReport.Totals totals(List<SalesReport.Zone> zones, String currency) {
        long capacity = 0;
        long available = 0;
        long held = 0;
        long sold = 0;
        var revenue = Money.zero(currency);
        for (var zone : zones) {
            capacity += zone.capacity();
            available += zone.available();
            held += zone.held();
            sold += zone.sold();
            revenue = revenue.plus(zone.revenue());
        }
        return new SalesReport.Totals(capacity, available, held, sold, revenue);
    }

    private static List<SalesReport.Minute> timeline(List<PaidSlice> slices, String currency) {
        var minutes = new TreeMap<Instant, long[]>();
        for (var slice : slices) {
            var soldAndRevenue = minutes.computeIfAbsent(slice.minute(), minute -> new long[2]);
            soldAndRevenue[0] += slice.sold();
            soldAndRevenue[1] = Math.addExact(soldAndRevenue[1], slice.revenue());
        }
        return minutes.entrySet().stream()
                .map(minute -> minute(minute, currency))
                .toList();
    }

    private static SalesReport.Minute minute(Map.Entry<Instant, long[]> minute, String currency) {
        var soldAndRevenue = minute.getValue();
        return new SalesReport.Minute(minute.getKey(), soldAndRevenue[0], Money.of(soldAndRevenue[1], currency));
    }
}
