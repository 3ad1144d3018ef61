package org.boxoffice.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.boxoffice.inventory.Inventory;
import org.boxoffice.inventory.ZoneStock;
import org.jspecify.annotations.Nullable;

/**
 * An event definition checked against the catalog's rules and turned into the event to store
 * and the tickets to create. Every broken rule is reported at once as {@link InvalidDefinition}.
 */
record EventPlan(Event event, List<ZoneStock> stock) {

    /**
     * @param namedVenue the venue the definition names, empty when it names none or one that does
     *     not exist
     */
    static EventPlan of(UUID id, EventDefinition definition, Optional<Venue> namedVenue) {
        var venue = namedVenue.filter(known -> known.id().equals(definition.venueId()));
        var violations = new Violations();
        boolean venueMissing = definition.venueId() != null && venue.isEmpty();
        violations.check(!venueMissing, "venueId", "there is no venue " + definition.venueId());
        var status = definition.status() != null ? definition.status() : EventStatus.ON_SALE;
        violations.check(EventStatus.INITIAL.contains(status), "status", "a new event is ON_SALE or DRAFT");
        SaleWindow.check(definition.startsAt(), definition.saleStartsAt(), definition.saleEndsAt(), violations);
        violations.check(isKnownCurrency(definition.currency()), "currency", "is not an ISO 4217 currency");
        var inventory =
                definition.inventory() != null ? definition.inventory() : EventDefinition.InventoryDefinition.OWNED;
        var partnerBaseUrl = checkPartner(inventory, violations);
        // The zones of a venue that does not exist cannot be checked; the missing venue says it all.
        var layouts = venueMissing ? List.<ZoneLayouts.Layout>of() : ZoneLayouts.of(definition, venue, violations);
        var stock = Quota.apply(
                inventory, layouts.stream().map(ZoneLayouts.Layout::stock).toList(), violations);
        checkTicketCount(stock, violations);
        violations.throwIfAny();
        var event = new Event(
                id,
                venue.map(v -> new VenueSummary(v.id(), v.name(), v.city())).orElse(null),
                definition.kind(),
                definition.title().strip(),
                definition.description() != null ? definition.description() : "",
                definition.startsAt(),
                definition.saleStartsAt(),
                definition.saleEndsAt(),
                definition.currency(),
                status,
                definition.rulesOrDefaults().applyTo(Rules.DEFAULTS),
                definition.pricing() != null ? definition.pricing().mode() : PricingMode.FIXED,
                inventory.mode(),
                partnerBaseUrl,
                zonesOf(layouts, stock));
        return new EventPlan(event, stock);
    }

    private static void checkTicketCount(List<ZoneStock> stock, Violations violations) {
        long tickets = stock.stream().mapToLong(ZoneStock::tickets).sum();
        violations.check(
                tickets <= Inventory.MAX_TICKETS_PER_EVENT,
                "zones",
                "add up to " + tickets + " tickets; an event has at most " + Inventory.MAX_TICKETS_PER_EVENT);
    }

    private static @Nullable String checkPartner(EventDefinition.InventoryDefinition inventory, Violations violations) {
        var partner = inventory.partner();
        if (inventory.mode() != InventoryMode.PARTNER) {
            violations.check(partner == null, "inventory.partner", "is only for PARTNER inventory");
            return null;
        }
        if (!violations.check(partner != null, "inventory.partner", "is required for PARTNER inventory")) {
            return null;
        }
        violations.check(isHttpUrl(partner.baseUrl()), "inventory.partner.baseUrl", "must be an absolute http(s) URL");
        return partner.baseUrl();
    }

    /** The zones to store; {@code stock} is {@code layouts}' stock in the same order, quota applied. */
    private static List<Event.Zone> zonesOf(List<ZoneLayouts.Layout> layouts, List<ZoneStock> stock) {
        var zones = new ArrayList<Event.Zone>();
        for (int i = 0; i < layouts.size(); i++) {
            var layout = layouts.get(i);
            var zone = stock.get(i);
            zones.add(new Event.Zone(zone.zone(), layout.name(), zone.isSeated(), forSale(zone), layout.basePrice()));
        }
        return List.copyOf(zones);
    }

    /** Tickets of the zone that are for sale: all, or the allocated seats of a quota. */
    private static int forSale(ZoneStock zone) {
        return zone.wholeZoneForSale() ? zone.tickets() : zone.seatsForSale().size();
    }

    private static boolean isKnownCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isHttpUrl(String text) {
        try {
            var uri = new URI(text);
            return uri.isAbsolute()
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
