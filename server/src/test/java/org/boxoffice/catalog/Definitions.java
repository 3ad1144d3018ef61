package org.boxoffice.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.boxoffice.platform.Money;
import org.jspecify.annotations.Nullable;

/** Builds venue and event definitions for tests: sensible defaults, change only what matters. */
final class Definitions {

    static final Instant STARTS_AT = Instant.parse("2031-06-01T18:00:00Z");

    private Definitions() {}

    /** A small arena: a standing FLOOR of 50 and a seated NORTH stand of rows A-C with 4, 5, 6 seats. */
    static VenueDefinition arena(String name) {
        return new VenueDefinition(
                name,
                "Kokdala",
                List.of(
                        new VenueDefinition.ZoneDefinition("FLOOR", "Floor", false, null, 50),
                        new VenueDefinition.ZoneDefinition(
                                "NORTH", "North Stand", true, List.of(row("A", 4), row("B", 5), row("C", 6)), null)));
    }

    static VenueDefinition.RowDefinition row(String label, int seats) {
        return new VenueDefinition.RowDefinition(label, seats);
    }

    /** A venue with {@code zones} seated zones of {@code rows} rows of {@code seats} seats each. */
    static VenueDefinition seatedVenue(String name, int zones, int rows, int seats) {
        var definitions = new ArrayList<VenueDefinition.ZoneDefinition>();
        for (int z = 1; z <= zones; z++) {
            var rowDefinitions = new ArrayList<VenueDefinition.RowDefinition>();
            for (int r = 1; r <= rows; r++) {
                rowDefinitions.add(row(Integer.toString(r), seats));
            }
            definitions.add(new VenueDefinition.ZoneDefinition("Z" + z, "Zone " + z, true, rowDefinitions, null));
        }
        return new VenueDefinition(name, "Kokdala", definitions);
    }

    static EventDefinition.ZoneDefinition zone(String code, long price) {
        return new EventDefinition.ZoneDefinition(code, Money.of(price, "KZT"), null, null);
    }

    static EventDefinition.ZoneDefinition standing(String code, long price, int capacity) {
        return new EventDefinition.ZoneDefinition(code, Money.of(price, "KZT"), capacity, null);
    }

    static EventBuilder event(String title) {
        return new EventBuilder(title);
    }

    /** An event definition under construction; starts as an ON_SALE general-admission event. */
    static final class EventBuilder {
        private @Nullable UUID venueId;
        private EventKind kind = EventKind.CONCERT;
        private final String title;
        private Instant startsAt = STARTS_AT;
        private Instant saleStartsAt = STARTS_AT.minus(Duration.ofDays(30));
        private Instant saleEndsAt = STARTS_AT;
        private String currency = "KZT";
        private @Nullable EventStatus status;
        private List<EventDefinition.ZoneDefinition> zones = List.of(standing("GA", 100_000, 10));
        private @Nullable RulesDefinition rules;
        private @Nullable Pricing pricing;
        private EventDefinition.@Nullable InventoryDefinition inventory;

        private EventBuilder(String title) {
            this.title = title;
        }

        EventBuilder venue(UUID venueId) {
            this.venueId = venueId;
            return this;
        }

        EventBuilder kind(EventKind kind) {
            this.kind = kind;
            return this;
        }

        EventBuilder startsAt(Instant startsAt) {
            this.startsAt = startsAt;
            this.saleEndsAt = startsAt;
            this.saleStartsAt = startsAt.minus(Duration.ofDays(30));
            return this;
        }

        EventBuilder sale(Instant starts, Instant ends) {
            this.saleStartsAt = starts;
            this.saleEndsAt = ends;
            return this;
        }

        EventBuilder currency(String currency) {
            this.currency = currency;
            return this;
        }

        EventBuilder status(EventStatus status) {
            this.status = status;
            return this;
        }

        EventBuilder zones(EventDefinition.ZoneDefinition... zones) {
            this.zones = List.of(zones);
            return this;
        }

        EventBuilder rules(RulesDefinition rules) {
            this.rules = rules;
            return this;
        }

        EventBuilder demandPricing() {
            this.pricing = new Pricing(PricingMode.DEMAND);
            return this;
        }

        EventBuilder quota(List<String> zones, List<String> seats) {
            this.inventory = new EventDefinition.InventoryDefinition(
                    InventoryMode.QUOTA, null, new EventDefinition.Allocation(zones, seats));
            return this;
        }

        EventBuilder partner(String baseUrl) {
            this.inventory = new EventDefinition.InventoryDefinition(
                    InventoryMode.PARTNER, new EventDefinition.Partner(baseUrl), null);
            return this;
        }

        EventDefinition build() {
            return new EventDefinition(
                    venueId,
                    kind,
                    title,
                    "About " + title,
                    startsAt,
                    saleStartsAt,
                    saleEndsAt,
                    currency,
                    status,
                    zones,
                    rules,
                    pricing,
                    inventory);
        }
    }
}
