package org.boxoffice.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.catalog.EventChange;
import org.boxoffice.catalog.EventDefinition;
import org.boxoffice.catalog.EventDetail;
import org.boxoffice.catalog.Venue;
import org.boxoffice.catalog.VenueDefinition;
import org.boxoffice.platform.ProblemCodes;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Catalog administration", description = "Venues and events; administrators only")
class AdminCatalogController {

    private final Catalog catalog;

    AdminCatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    @ProblemCodes({"401 UNAUTHORIZED", "403 FORBIDDEN"})
    @PostMapping("/venues")
    @Operation(
            summary = "Create a venue",
            description = "Zone codes are 1-32 of A-Z, 0-9 and _; row labels 1-16 letters or digits (so that a seat "
                    + "id ZONE-ROW-NUMBER splits back apart); 1-1000 seats per row; a general zone holds "
                    + "1-1,000,000.")
    @ApiResponse(responseCode = "201", description = "The venue")
    @ApiResponse(responseCode = "400", description = "VALIDATION: the body is not valid JSON or has wrong types")
    @ApiResponse(responseCode = "422", description = "VALIDATION: the body breaks a rule, listed under errors")
    ResponseEntity<Venue> createVenue(@Valid @RequestBody VenueDefinition definition) {
        return ResponseEntity.status(201).body(catalog.createVenue(definition));
    }

    @ProblemCodes({"401 UNAUTHORIZED", "403 FORBIDDEN", "404 NOT_FOUND"})
    @PostMapping("/events")
    @Operation(
            summary = "Create an event with all its tickets",
            description = "All tickets exist when this answers. An unknown venueId, a zone the venue does not have, "
                    + "a sale window that does not end by startsAt or more than 200,000 tickets are 422 "
                    + "VALIDATION (an unknown venue is bad input, not a missing resource).")
    @ApiResponse(responseCode = "201", description = "The event as visitors see it")
    @ApiResponse(responseCode = "400", description = "VALIDATION: the body is not valid JSON or has wrong types")
    @ApiResponse(responseCode = "422", description = "VALIDATION: the body breaks a rule, listed under errors")
    ResponseEntity<EventDetail> createEvent(@Valid @RequestBody EventDefinition definition) {
        var created = catalog.createEvent(definition);
        // The caller carries a token, and nobody can have taken part in an event this new.
        return ResponseEntity.created(URI.create("/api/v1/events/" + created.id()))
                .body(created.withParticipated(false));
    }

    @ProblemCodes({"401 UNAUTHORIZED", "403 FORBIDDEN", "404 EVENT_NOT_FOUND"})
    @PatchMapping("/events/{eventId}")
    @Operation(
            summary = "Change an event",
            description = "Status (DRAFT → ON_SALE | SALE_CLOSED | CANCELLED; ON_SALE ⇄ SALE_CLOSED; anything → "
                    + "CANCELLED; a cancelled event changes no more), sale window, and rules merged member by "
                    + "member.")
    @ApiResponse(responseCode = "200", description = "The changed event")
    @ApiResponse(responseCode = "404", description = "EVENT_NOT_FOUND")
    @ApiResponse(responseCode = "422", description = "VALIDATION: a forbidden status change or a bad rule or window")
    EventDetail changeEvent(@PathVariable UUID eventId, @Valid @RequestBody EventChange change) {
        return catalog.changeEvent(eventId, change, Viewers.current());
    }
}
