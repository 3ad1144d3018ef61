package org.boxoffice.catalog;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.boxoffice.inventory.Inventory;
import org.boxoffice.inventory.SeatRowStatus;
import org.boxoffice.inventory.ZoneCount;
import org.boxoffice.partner.PartnerUnavailable;
import org.boxoffice.partner.PartnerVenues;
import org.boxoffice.platform.Money;
import org.boxoffice.platform.ReadCache;
import org.boxoffice.platform.ReadCacheSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What visitors read: the event list, event details and seat maps, with counts from the ticket
 * table. An event, its counts and its seat rows are kept for a moment ({@link ReadCacheSettings}),
 * so a crowd on one event costs a few queries a second, not one per visitor. Drafts exist for
 * administrators only.
 */
@Component
class EventBrowser {

    private final Events events;
    private final Inventory inventory;
    private final ObjectProvider<ParticipationCheck> participation;
    private final PartnerVenues partners;
    private final ReadCache<UUID, Optional<Event>> recentEvents;
    private final ReadCache<UUID, Map<String, ZoneCount>> recentCounts;
    private final ReadCache<SeatRowsKey, Map<String, List<SeatRowStatus>>> recentSeatRows;

    EventBrowser(
            Events events,
            Inventory inventory,
            ObjectProvider<ParticipationCheck> participation,
            PartnerVenues partners,
            ReadCacheSettings cache) {
        this.events = events;
        this.inventory = inventory;
        this.participation = participation;
        this.partners = partners;
        this.recentEvents = ReadCache.of(cache.timeToLive(), 10_000, events::find);
        this.recentCounts = ReadCache.of(cache.timeToLive(), 10_000, inventory::counts);
        this.recentSeatRows =
                ReadCache.of(cache.timeToLive(), 1_000, key -> inventory.seatMap(key.eventId(), key.zones()));
    }

    private record SeatRowsKey(UUID eventId, List<String> zones) {}

    /**
     * Once a change commits, this instance sees it at once (others within the cache's
     * time-to-live). First of the listeners, so that those after it (the waiting room) read the
     * change, not the cached event.
     */
    @TransactionalEventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void forget(EventChanged change) {
        recentEvents.forget(change.eventId());
    }

    EventPage find(EventQuery query, Viewer viewer) {
        var filter = EventFilter.of(query, viewer);
        var found = events.find(filter, query.size(), query.offset());
        var counts = inventory.counts(found.stream().map(Event::id).toList());
        var items = found.stream()
                .map(event -> EventViews.summary(event, listCounts(event, counts.getOrDefault(event.id(), Map.of()))))
                .toList();
        // A page that is neither full nor past the end tells the total by itself.
        boolean lastPage = found.size() < query.size() && (query.page() == 0 || !found.isEmpty());
        long total = lastPage ? query.offset() + found.size() : events.count(filter);
        return new EventPage(items, query.page(), query.size(), total);
    }

    EventDetail detail(UUID eventId, Viewer viewer) {
        return detail(visible(eventId, viewer), viewer);
    }

    EventDetail detail(Event event, Viewer viewer) {
        return EventViews.detail(event, counts(event), participated(event.id(), viewer));
    }

    /**
     * A list entry's counts: a PARTNER event's include its partner's own sales when the partner
     * answers; a list stays readable when it does not (the detail and seat map then say 503).
     */
    private Map<String, ZoneCount> listCounts(Event event, Map<String, ZoneCount> counts) {
        if (event.partnerBaseUrl() == null) {
            return counts;
        }
        try {
            return inventory.counts(event.id(), soldElsewhere(event));
        } catch (PartnerUnavailable e) {
            return counts;
        }
    }

    /** The event's live counts; a PARTNER event's include what its partner sold itself. */
    private Map<String, ZoneCount> counts(Event event) {
        return event.partnerBaseUrl() == null
                ? recentCounts.get(event.id())
                : inventory.counts(event.id(), soldElsewhere(event));
    }

    /** For a PARTNER event, the seats its partner sold through its own channels. */
    private java.util.Set<String> soldElsewhere(Event event) {
        return event.partnerBaseUrl() == null
                ? java.util.Set.of()
                : partners.unavailableSeats(URI.create(event.partnerBaseUrl()), event.id());
    }

    SaleConditions saleConditions(UUID eventId, Viewer viewer) {
        var event = visible(eventId, viewer);
        var counts = event.pricing() == PricingMode.DEMAND ? recentCounts.get(eventId) : Map.<String, ZoneCount>of();
        var prices = new java.util.HashMap<String, Money>();
        for (var zone : event.zones()) {
            var booked =
                    counts.containsKey(zone.code()) ? counts.get(zone.code()).booked() : 0;
            var price = Prices.current(event.pricing(), zone.basePrice(), booked, zone.capacity());
            prices.put(zone.code(), Money.of(price, event.currency()));
        }
        var partner = event.partnerBaseUrl() == null ? null : URI.create(event.partnerBaseUrl());
        return new SaleConditions(
                event.id(),
                event.kind(),
                event.status(),
                event.startsAt(),
                event.saleStartsAt(),
                event.saleEndsAt(),
                event.rules(),
                event.inventory(),
                partner,
                prices);
    }

    SeatMap seatMap(UUID eventId, @Nullable String zone, Viewer viewer) {
        var event = visible(eventId, viewer);
        var zones = zonesToMap(event, zone);
        var rows = recentSeatRows.get(
                new SeatRowsKey(eventId, zones.stream().map(Event.Zone::code).toList()));
        var seatMap = new SeatMap(
                eventId,
                zones.stream()
                        .map(z -> new SeatMap.Zone(z.code(), rows.getOrDefault(z.code(), List.of())))
                        .toList());
        return seatMap.withSoldElsewhere(soldElsewhere(event));
    }

    /** The zone asked for, or every seated zone when none is. */
    private static List<Event.Zone> zonesToMap(Event event, @Nullable String code) {
        if (code == null) {
            return event.zones().stream().filter(Event.Zone::seated).toList();
        }
        return event.zones().stream()
                .filter(zone -> zone.code().equals(code))
                .findFirst()
                .map(List::of)
                .orElseThrow(() -> new UnknownZone(event.id(), code));
    }

    private Event visible(UUID eventId, Viewer viewer) {
        return recentEvents
                .get(eventId)
                .filter(event -> viewer.maySee(event.status()))
                .orElseThrow(() -> new EventNotFound(eventId));
    }

    /** Answered only for a signed-in viewer; anonymous callers get no such member at all. */
    private @Nullable Boolean participated(UUID eventId, Viewer viewer) {
        return viewer.user()
                .map(user -> participation.orderedStream().anyMatch(check -> check.participated(eventId, user)))
                .orElse(null);
    }
}
