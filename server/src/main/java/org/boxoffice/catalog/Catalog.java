package org.boxoffice.catalog;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.boxoffice.inventory.Inventory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog's public face: administrators define venues and events (an event's tickets are
 * created with it, in the same transaction); visitors browse events, their live counts and
 * prices. Reads are in {@link EventBrowser}.
 *
 * <p>Every definition is validated here too, so a Java caller (the demo data) gets the same
 * {@code 422 VALIDATION} refusals as an HTTP client: {@link ConstraintViolationException} for
 * malformed members, {@link InvalidDefinition} for broken catalog rules. The writes check their
 * definition themselves rather than through a validating proxy, which would stand in front of
 * every read too (each hold reads the sale's conditions here, each visitor the event's detail).
 */
@Service
public class Catalog {

    private final Venues venues;
    private final Events events;
    private final Inventory inventory;
    private final EventBrowser browser;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final Validator validator;

    Catalog(
            Venues venues,
            Events events,
            Inventory inventory,
            EventBrowser browser,
            ApplicationEventPublisher publisher,
            Clock clock,
            Validator validator) {
        this.venues = venues;
        this.events = events;
        this.inventory = inventory;
        this.browser = browser;
        this.publisher = publisher;
        this.clock = clock;
        this.validator = validator;
    }

    @Transactional
    public Venue createVenue(VenueDefinition definition) {
        checkMembers(definition);
        var venue = VenueLayout.build(UUID.randomUUID(), definition);
        venues.insert(venue, clock.instant());
        return venue;
    }

    /**
     * Creates an event and every one of its tickets (the 100,000-ticket stadium takes about a
     * second); joins the caller's transaction when there is one. The answer has no {@code participated}:
     * nobody can hold an order for an event that did not exist a moment ago.
     */
    @Transactional
    public EventDetail createEvent(EventDefinition definition) {
        checkMembers(definition);
        var venue = definition.venueId() != null ? venues.find(definition.venueId()) : Optional.<Venue>empty();
        var plan = EventPlan.of(UUID.randomUUID(), definition, venue);
        events.insert(plan.event(), clock.instant());
        inventory.createTickets(plan.event().id(), plan.stock());
        return EventViews.detail(plan.event(), inventory.counts(plan.event().id()), null);
    }

    /** Changes status, sale window or rules (merged member by member) of an event. */
    @Transactional
    public EventDetail changeEvent(UUID eventId, EventChange change, Viewer viewer) {
        checkMembers(change);
        var event = events.findForUpdate(eventId).orElseThrow(() -> new EventNotFound(eventId));
        var changed = event.changedBy(change);
        events.update(changed, clock.instant());
        publisher.publishEvent(new EventChanged(eventId));
        return browser.detail(changed, viewer);
    }

    /**
     * What ordering needs to take an order: status, window, rules, current prices, inventory.
     *
     * @throws EventNotFound when there is no such event or it is a draft the viewer may not see
     */
    public SaleConditions saleConditions(UUID eventId, Viewer viewer) {
        return browser.saleConditions(eventId, viewer);
    }

    /** Where a PARTNER-mode event's partner system answers; empty for every other event. */
    public Optional<URI> partnerOf(UUID eventId) {
        return events.find(eventId).map(Event::partnerBaseUrl).map(URI::create);
    }

    /** A page of the events the viewer may see (drafts for administrators only), in start order. */
    public EventPage findEvents(EventQuery query, Viewer viewer) {
        return browser.find(query, viewer);
    }

    /** @throws EventNotFound when there is no such event or it is a draft the viewer may not see */
    public EventDetail event(UUID eventId, Viewer viewer) {
        return browser.detail(eventId, viewer);
    }

    /**
     * The seat map of one zone, or of every seated zone when {@code zone} is null. A general
     * admission zone asked for by code has no rows.
     *
     * @throws UnknownZone when the event has no such zone
     */
    public SeatMap seatMap(UUID eventId, @Nullable String zone, Viewer viewer) {
        return browser.seatMap(eventId, zone, viewer);
    }

    private void checkMembers(Object definition) {
        var violations = validator.validate(definition);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }
}
