package org.boxoffice.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.catalog.EventDefinition;
import org.boxoffice.catalog.EventKind;
import org.boxoffice.catalog.RulesDefinition;
import org.boxoffice.platform.Money;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A grab activity: 1,000 free codes, one per person. */
@Component
@Order(5)
class DemoGiveaway implements DemoPart {

    static final int CODES = 1_000;
    static final String TITLE = "Kokdala Winter Fest — free ski pass giveaway";

    private final Catalog catalog;
    private final Clock clock;

    DemoGiveaway(Catalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "giveaway";
    }

    @Override
    public void create() {
        var now = clock.instant().truncatedTo(ChronoUnit.HOURS);
        var startsAt = now.plus(Duration.ofDays(31));
        catalog.createEvent(new EventDefinition(
                null,
                EventKind.ACTIVITY,
                TITLE,
                "1,000 free day passes for the opening of the Kokdala slopes, one per person.",
                startsAt,
                now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(30)),
                "KZT",
                null,
                List.of(new EventDefinition.ZoneDefinition("PASS", Money.zero("KZT"), CODES, "Ski day pass")),
                new RulesDefinition(null, 1, 1, null, null, null),
                null,
                null));
    }
}
