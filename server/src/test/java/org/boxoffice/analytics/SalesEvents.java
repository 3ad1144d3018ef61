package org.boxoffice.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.catalog.EventKind;
import org.boxoffice.catalog.RulesDefinition;
import org.boxoffice.testing.Sales;

/**
 * Events for analytics tests: the test arena (a standing FLOOR and a seated STAND of rows 1-3 with
 * 10 seats each), on sale from an hour ago, holds kept {@link #HOLD_SECONDS}.
 */
final class SalesEvents {

    static final long FLOOR_PRICE = Sales.FLOOR_PRICE;
    static final long STAND_PRICE = Sales.STAND_PRICE;
    static final int HOLD_SECONDS = 300;

    private final Sales sales;

    SalesEvents(Catalog catalog) {
        this.sales = new Sales(catalog);
    }

    UUID arena(int floorCapacity) {
        return sales.arena(
                floorCapacity,
                new RulesDefinition(HOLD_SECONDS, 10, 10, null, null, null),
                inAMonth(),
                EventKind.CONCERT,
                FLOOR_PRICE);
    }

    /** A give-away: free FLOOR places, one per person. */
    UUID giveaway(int places) {
        return sales.arena(
                places, new RulesDefinition(HOLD_SECONDS, 1, 1, null, null, null), inAMonth(), EventKind.ACTIVITY, 0);
    }

    private static Instant inAMonth() {
        return Instant.now().plus(Duration.ofDays(30));
    }
}
