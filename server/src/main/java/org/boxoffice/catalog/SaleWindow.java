package org.boxoffice.catalog;

import java.time.Instant;

/**
 * The sensible times of an event: the sale opens before it closes, closes at the latest when the
 * event starts, and every instant lies between 2000 and 2200 (anything else is a typo).
 */
final class SaleWindow {

    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private SaleWindow() {}

    static void check(Instant startsAt, Instant saleStartsAt, Instant saleEndsAt, Violations violations) {
        boolean plausible = plausible(startsAt, "startsAt", violations)
                & plausible(saleStartsAt, "saleStartsAt", violations)
                & plausible(saleEndsAt, "saleEndsAt", violations);
        if (plausible) {
            violations.check(saleStartsAt.isBefore(saleEndsAt), "saleEndsAt", "must be after saleStartsAt");
            violations.check(!saleEndsAt.isAfter(startsAt), "saleEndsAt", "must not be after startsAt");
        }
    }

    private static boolean plausible(Instant instant, String field, Violations violations) {
        return violations.check(
                !instant.isBefore(EARLIEST) && instant.isBefore(LATEST), field, "must lie between 2000 and 2200");
    }
}
