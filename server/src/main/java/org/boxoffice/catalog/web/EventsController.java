package org.boxoffice.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.catalog.EventDetail;
import org.boxoffice.catalog.EventKind;
import org.boxoffice.catalog.EventPage;
import org.boxoffice.catalog.EventQuery;
import org.boxoffice.catalog.SeatMap;
import org.boxoffice.platform.InvalidInput;
import org.boxoffice.platform.ProblemCodes;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "Catalog", description = "Events, their live availability and seat maps")
class EventsController {

    private final Catalog catalog;

    EventsController(Catalog catalog) {
        this.catalog = catalog;
    }

    @ProblemCodes({"400 VALIDATION"})
    @GetMapping
    @Operation(
            summary = "Search events",
            description = "Events in start order. `q` matches part of the title, ignoring case; `from` (inclusive) "
                    + "and `to` (exclusive) bound the start time. Drafts are listed for administrators only.")
    @ApiResponse(responseCode = "200", description = "A page of events")
    @ApiResponse(responseCode = "400", description = "VALIDATION: a parameter of the wrong type or unknown kind")
    @ApiResponse(responseCode = "422", description = "VALIDATION: page, size or q out of range, or from not before to")
    EventPage events(
            @RequestParam(required = false) @Nullable EventKind kind,
            @RequestParam(required = false) @Size(max = 200) @Nullable String q,
            @RequestParam(required = false) @Parameter(example = "2026-11-01T00:00:00Z") @Nullable Instant from,
            @RequestParam(required = false) @Parameter(example = "2026-12-01T00:00:00Z") @Nullable Instant to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(EventQuery.MAX_SIZE) int size) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInput("'from' must be before 'to'.");
        }
        return catalog.findEvents(new EventQuery(kind, q, from, to, page, size), Viewers.current());
    }

    @ProblemCodes({"400 VALIDATION", "404 EVENT_NOT_FOUND"})
    @GetMapping("/{eventId}")
    @Operation(
            summary = "Read an event",
            description = "Live counts and current prices per zone. `participated` is present only when the request "
                    + "carries a token: whether the caller holds a live or paid order for the event.")
    @ApiResponse(responseCode = "200", description = "The event")
    @ApiResponse(responseCode = "400", description = "VALIDATION: the id is not a UUID")
    @ApiResponse(responseCode = "404", description = "EVENT_NOT_FOUND (drafts are not found for non-administrators)")
    EventDetail event(@PathVariable UUID eventId) {
        return catalog.event(eventId, Viewers.current());
    }

    @ProblemCodes({"400 VALIDATION", "404 EVENT_NOT_FOUND"})
    @GetMapping("/{eventId}/seats")
    @Operation(
            summary = "Read the seat map",
            description = "One zone, or every seated zone without `zone`. One letter per seat in seat-number order "
                    + "from 1: A available, H held, S sold, X not for sale. A general-admission zone asked for by "
                    + "code is answered with no rows. The answer carries a strong ETag; a matching If-None-Match "
                    + "gets 304 without a body.")
    @ApiResponse(responseCode = "200", description = "The seat map")
    @ApiResponse(responseCode = "304", description = "The seat map has not changed since the ETag given")
    @ApiResponse(responseCode = "404", description = "EVENT_NOT_FOUND")
    @ApiResponse(responseCode = "422", description = "VALIDATION: the event has no such zone")
    ResponseEntity<SeatMap> seats(
            @PathVariable UUID eventId, @RequestParam(required = false) @Size(max = 32) @Nullable String zone) {
        var seatMap = catalog.seatMap(eventId, zone, Viewers.current());
        // Spring answers 304 by itself when If-None-Match matches this ETag.
        return ResponseEntity.ok()
                .eTag(seatMap.etag())
                .cacheControl(CacheControl.noCache())
                .body(seatMap);
    }
}
