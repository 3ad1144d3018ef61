package org.boxoffice.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.boxoffice.catalog.Definitions.event;
import static org.boxoffice.catalog.Definitions.standing;
import static org.boxoffice.catalog.Definitions.zone;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.boxoffice.inventory.ZoneStock;
import org.boxoffice.platform.Money;
import org.junit.jupiter.api.Test;

class EventPlanTest {

    private static final Venue ARENA = VenueLayout.build(UUID.randomUUID(), Definitions.arena("Arena"));

    @Test
    void missingStatusRulesPricingAndInventoryTakeTheirDefaults() {
        var event = plan(event("Defaults").build()).event();

        assertThat(event.status()).isEqualTo(EventStatus.ON_SALE);
        assertThat(event.rules()).isEqualTo(Rules.DEFAULTS);
        assertThat(event.pricing()).isEqualTo(PricingMode.FIXED);
        assertThat(event.inventory()).isEqualTo(InventoryMode.OWNED);
        assertThat(event.venue()).isNull();
    }

    @Test
    void withoutAVenueEveryZoneIsGeneralAdmissionWithItsCapacity() {
        var plan = plan(event("Flight").zones(standing("ECONOMY", 25_000, 60)).build());

        assertThat(plan.stock()).containsExactly(ZoneStock.standing("ECONOMY", 60));
        assertThat(plan.event().zones()).containsExactly(new Event.Zone("ECONOMY", "ECONOMY", false, 60, 25_000));
    }

    @Test
    void withoutAVenueAZoneMustGiveItsCapacity() {
        assertThat(violatedFields(event("No capacity").zones(zone("GA", 100)).build(), Optional.empty()))
                .containsExactly("zones[0].capacity");
    }

    @Test
    void withAVenueTheEventSellsTheVenueZonesItLists() {
        var plan = plan(event("Concert")
                .venue(ARENA.id())
                .zones(zone("NORTH", 50_000), standing("FLOOR", 20_000, 30))
                .build());

        assertThat(plan.event().zones())
                .containsExactly(
                        new Event.Zone("NORTH", "North Stand", true, 15, 50_000),
                        new Event.Zone("FLOOR", "Floor", false, 30, 20_000));
        assertThat(plan.stock().getFirst().rows()).hasSize(3);
        assertThat(plan.event().venue()).isEqualTo(new VenueSummary(ARENA.id(), "Arena", "Kokdala"));
    }

    @Test
    void aZoneTheVenueDoesNotHaveIsRefused() {
        var definition =
                event("Wrong zone").venue(ARENA.id()).zones(zone("SOUTH", 1)).build();

        assertThat(violatedFields(definition, Optional.of(ARENA))).containsExactly("zones[0].code");
    }

    @Test
    void anUnknownVenueIsRefused() {
        var definition = event("Nowhere")
                .venue(UUID.randomUUID())
                .zones(zone("NORTH", 1))
                .build();

        assertThat(violatedFields(definition, Optional.empty())).containsExactly("venueId");
    }

    @Test
    void aStandingZoneMayNotSellMoreThanTheVenueHolds() {
        var definition = event("Crowded")
                .venue(ARENA.id())
                .zones(standing("FLOOR", 1, 51))
                .build();

        assertThat(violatedFields(definition, Optional.of(ARENA))).containsExactly("zones[0].capacity");
    }

    @Test
    void zoneCodesAreUniqueAndPricesInTheEventCurrency() {
        var definition = event("Muddled")
                .zones(
                        standing("GA", 1, 10),
                        standing("GA", 1, 10),
                        new EventDefinition.ZoneDefinition("VIP", Money.of(1, "USD"), 5, null))
                .build();

        assertThat(violatedFields(definition, Optional.empty()))
                .containsExactlyInAnyOrder("zones[1].code", "zones[2].price.currency");
    }

    @Test
    void theSaleOpensBeforeItClosesAndClosesByTheStart() {
        var starts = Definitions.STARTS_AT;
        var backwards = event("Backwards")
                .sale(starts.minusSeconds(60), starts.minusSeconds(120))
                .build();
        var late = event("Late")
                .sale(starts.minusSeconds(60), starts.plus(Duration.ofHours(1)))
                .build();

        assertThat(violatedFields(backwards, Optional.empty())).containsExactly("saleEndsAt");
        assertThat(violatedFields(late, Optional.empty())).containsExactly("saleEndsAt");
    }

    @Test
    void aNewEventIsOnSaleOrDraft() {
        var closed = event("Closed").status(EventStatus.SALE_CLOSED).build();

        assertThat(violatedFields(closed, Optional.empty())).containsExactly("status");
        assertThat(plan(event("Draft").status(EventStatus.DRAFT).build())
                        .event()
                        .status())
                .isEqualTo(EventStatus.DRAFT);
    }

    @Test
    void anEventHasAtMostTwoHundredThousandTickets() {
        var huge = event("Huge").zones(standing("A", 1, 1_000_000)).build();

        assertThat(violatedFields(huge, Optional.empty())).containsExactly("zones");
    }

    @Test
    void aQuotaSellsOnlyTheAllocatedZonesAndSeats() {
        var plan = plan(
                event("Quota")
                        .venue(ARENA.id())
                        .zones(zone("NORTH", 10), standing("FLOOR", 10, 50))
                        .quota(List.of("FLOOR"), List.of("NORTH-A-1", "NORTH-C-6", "NORTH-C-6"))
                        .build(),
                Optional.of(ARENA));

        var north = plan.stock().getFirst();
        assertThat(north.wholeZoneForSale()).isFalse();
        assertThat(north.seatsForSale()).containsExactlyInAnyOrder("NORTH-A-1", "NORTH-C-6");
        assertThat(plan.stock().get(1).wholeZoneForSale()).isTrue();
        assertThat(plan.event().zones()).extracting(Event.Zone::capacity).containsExactly(2, 50);
    }

    @Test
    void aQuotaMayNameOnlySeatsAndZonesTheEventHas() {
        var definition = event("Bad quota")
                .venue(ARENA.id())
                .zones(zone("NORTH", 10))
                .quota(List.of("FLOOR"), List.of("NORTH-A-5", "NORTH-D-1", "SOUTH-A-1", "garbage"))
                .build();

        assertThat(violatedFields(definition, Optional.of(ARENA)))
                .containsExactly(
                        "inventory.allocation.zones[0]",
                        "inventory.allocation.seats[0]",
                        "inventory.allocation.seats[1]",
                        "inventory.allocation.seats[2]",
                        "inventory.allocation.seats[3]");
    }

    @Test
    void quotaInventoryNeedsAnAllocationThatAllocatesSomething() {
        var empty = event("Empty quota").quota(List.of(), List.of()).build();

        assertThat(violatedFields(empty, Optional.empty())).containsExactly("inventory.allocation");
    }

    @Test
    void partnerInventoryNeedsAnHttpBaseUrl() {
        assertThat(violatedFields(event("Cinema").partner("ftp://cinema").build(), Optional.empty()))
                .containsExactly("inventory.partner.baseUrl");
        assertThat(plan(event("Cinema").partner("http://localhost:9000/cinema").build())
                        .event()
                        .partnerBaseUrl())
                .isEqualTo("http://localhost:9000/cinema");
    }

    private static EventPlan plan(EventDefinition definition) {
        return plan(definition, Optional.of(ARENA));
    }

    private static EventPlan plan(EventDefinition definition, Optional<Venue> venue) {
        return EventPlan.of(UUID.randomUUID(), definition, venue);
    }

    private static List<String> violatedFields(EventDefinition definition, Optional<Venue> venue) {
        return assertThatThrownBy(() -> plan(definition, venue))
                .asInstanceOf(InstanceOfAssertFactories.type(InvalidDefinition.class))
                .actual()
                .violations()
                .stream()
                .map(InvalidDefinition.Violation::field)
                .toList();
    }
}
