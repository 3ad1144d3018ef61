package org.boxoffice.analytics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.boxoffice.platform.Money;

/**
 * How an event sells: per zone {@code capacity = available + held + sold} (the event detail's
 * counts; tickets not for sale in a QUOTA event are in none), the revenue of paid orders, and per
 * minute the tickets sold and their revenue. A refunded order no longer counts: its tickets are
 * available again, and it leaves both the revenue and the minute it was paid in.
 *
 * @param timeline the minutes (UTC, ascending) in which orders still paid were paid; quiet minutes
 *     are left out
 */
public record SalesReport(UUID eventId, List<Zone> zones, Totals totals, List<Minute> timeline) {

    public SalesReport {
        zones = List.copyOf(zones);
        timeline = List.copyOf(timeline);
    }

    public record Zone(String code, long capacity, long available, long held, long sold, Money revenue) {}

    public record Totals(long capacity, long available, long held, long sold, Money revenue) {}

    /** @param minute the start of the minute */
    public record Minute(Instant minute, long sold, Money revenue) {}
}
