package org.boxoffice.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.boxoffice.inventory.ZoneCount;
import org.boxoffice.platform.Money;
import org.jspecify.annotations.Nullable;

/** What visitors see of an event: its stored definition joined with the live ticket counts. */
final class EventViews {

    private EventViews() {}

    static EventSummary summary(Event event, Map<String, ZoneCount> counts) {
        var zones = zones(event, counts);
        return new EventSummary(
                event.id(),
                event.kind(),
                event.title(),
                event.venue(),
                event.startsAt(),
                event.saleStartsAt(),
                event.saleEndsAt(),
                event.status(),
                capacity(zones),
                available(zones),
                minPrice(event, zones));
    }

    static EventDetail detail(Event event, Map<String, ZoneCount> counts, @Nullable Boolean participated) {
        var zones = zones(event, counts);
        return new EventDetail(
                event.id(),
                event.kind(),
                event.title(),
                event.venue(),
                event.startsAt(),
                event.saleStartsAt(),
                event.saleEndsAt(),
                event.status(),
                capacity(zones),
                available(zones),
                minPrice(event, zones),
                event.description(),
                zones,
                event.rules(),
                new Pricing(event.pricing()),
                new InventoryPolicy(event.inventory()),
                participated);
    }

    private static List<EventDetail.Zone> zones(Event event, Map<String, ZoneCount> counts) {
        return event.zones().stream()
                .map(zone -> zone(event, zone, counts.getOrDefault(zone.code(), ZoneCount.EMPTY)))
                .toList();
    }

    private static EventDetail.Zone zone(Event event, Event.Zone zone, ZoneCount count) {
        long price = Prices.current(event.pricing(), zone.basePrice(), count.booked(), zone.capacity());
        return new EventDetail.Zone(
                zone.code(),
                zone.name(),
                zone.seated(),
                zone.capacity(),
                count.available(),
                count.held(),
                count.sold(),
                Money.of(price, event.currency()));
    }

    private static long capacity(List<EventDetail.Zone> zones) {
        return zones.stream().mapToLong(EventDetail.Zone::capacity).sum();
    }

    private static long available(List<EventDetail.Zone> zones) {
        return zones.stream().mapToLong(EventDetail.Zone::available).sum();
    }

    /**
     * The cheapest current price of a zone that sells anything: a zone outside a quota has no
     * tickets for sale and its price would be a false promise. Sold-out zones still count: the
     * price is what the event costs, not what is left.
     */
    private static Money minPrice(Event event, List<EventDetail.Zone> zones) {
        var selling = zones.stream().filter(zone -> zone.capacity() > 0).toList();
        return (selling.isEmpty() ? zones : selling)
                .stream()
                        .map(EventDetail.Zone::price)
                        .min(Comparator.comparingLong(Money::amount))
                        .orElse(Money.of(0, event.currency()));
    }
}
