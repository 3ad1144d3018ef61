package org.boxoffice.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.catalog.EventDefinition;
import org.boxoffice.catalog.EventKind;
import org.boxoffice.catalog.Pricing;
import org.boxoffice.catalog.PricingMode;
import org.boxoffice.catalog.RulesDefinition;
import org.boxoffice.platform.Money;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 200 flights between Kazakh cities, capacities 20 to 80 from a seeded random (the same flights
 * on every machine), demand pricing, 3-minute holds, and one live order per traveler across all
 * flights.
 */
@Component
@Order(3)
class DemoFlights implements DemoPart {

    static final int COUNT = 200;
    static final String LIMIT_GROUP = "flights";
    private static final long SEED = 20_261_121L;

    private static final List<String> CITIES = List.of(
            "Almaty (ALA)",
            "Astana (NQZ)",
            "Shymkent (CIT)",
            "Aktobe (AKX)",
            "Atyrau (GUW)",
            "Karaganda (KGF)",
            "Oskemen (UKK)",
            "Pavlodar (PWQ)",
            "Kostanay (KSN)",
            "Aktau (SCO)",
            "Taraz (DMB)",
            "Kyzylorda (KZO)");

    private final Catalog catalog;
    private final Clock clock;

    DemoFlights(Catalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "flights";
    }

    @Override
    public void create() {
        var random = new Random(SEED);
        var now = clock.instant().truncatedTo(ChronoUnit.HOURS);
        for (int number = 1; number <= COUNT; number++) {
            catalog.createEvent(flight(number, random, now));
        }
    }

    private static EventDefinition flight(int number, Random random, Instant now) {
        var from = CITIES.get(random.nextInt(CITIES.size()));
        var to = CITIES.get((CITIES.indexOf(from) + 1 + random.nextInt(CITIES.size() - 1)) % CITIES.size());
        int capacity = 20 + random.nextInt(61);
        long tenge = 20_000 + 500L * random.nextInt(201);
        var departs = now.plus(Duration.ofHours(24 + random.nextInt(30 * 24)));
        var rules = new RulesDefinition(180, 1, 1, null, LIMIT_GROUP, null);
        return new EventDefinition(
                null,
                EventKind.FLIGHT,
                "BX %d %s → %s".formatted(100 + number, from, to),
                "Economy class, one cabin bag included.",
                departs,
                now.minus(Duration.ofHours(1)),
                departs.minus(Duration.ofHours(1)),
                "KZT",
                null,
                List.of(new EventDefinition.ZoneDefinition(
                        "ECONOMY", Money.of(tenge * 100, "KZT"), capacity, "Economy")),
                rules,
                new Pricing(PricingMode.DEMAND),
                null);
    }
}
