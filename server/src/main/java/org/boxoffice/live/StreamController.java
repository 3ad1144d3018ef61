package org.boxoffice.live;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.boxoffice.catalog.Viewer;
import org.boxoffice.identity.CurrentUser;
import org.boxoffice.platform.ClientAddresses;
import org.boxoffice.platform.ProblemCodes;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "Catalog", description = "Events, their live availability and seat maps")
class StreamController {

    private final LiveAvailability live;
    private final StreamPlaces places;
    private final ClientAddresses addresses;

    StreamController(LiveAvailability live, StreamPlaces places, ClientAddresses addresses) {
        this.live = live;
        this.places = places;
        this.addresses = addresses;
    }

    @ProblemCodes({"404 EVENT_NOT_FOUND", "429 RATE_LIMITED"})
    @GetMapping(path = "/api/v1/events/{eventId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "Follow an event's availability",
            description = "Server-sent events named `availability` with data `{eventId, zones: [{code, available, "
                    + "held, sold, price}]}`: one at once, then one whenever the counts change, at most about every "
                    + "250 ms, within a second of a change on any instance. A comment line every 30 s keeps a quiet "
                    + "stream open; the server ends a stream after 30 minutes (an EventSource reconnects by itself). "
                    + "One client address may keep `boxoffice.live.max-streams-per-address` streams open on an "
                    + "instance (20 by default), and an instance `boxoffice.live.max-streams` in all (5,000).")
    @ApiResponse(responseCode = "200", description = "The stream")
    @ApiResponse(responseCode = "400", description = "VALIDATION: the id is not a UUID")
    @ApiResponse(responseCode = "404", description = "EVENT_NOT_FOUND (drafts are not found for non-administrators)")
    @ApiResponse(
            responseCode = "429",
            description = "RATE_LIMITED: this address has its share of streams open; see Retry-After")
    @ApiResponse(
            responseCode = "503",
            description = "OVERLOADED: the instance has all the streams it keeps open; see Retry-After")
    SseEmitter stream(@PathVariable UUID eventId, HttpServletRequest request) {
        var place = places.take(addresses.of(request));
        try {
            var emitter = live.subscribe(eventId, new Viewer(CurrentUser.id().orElse(null), CurrentUser.isAdmin()));
            emitter.onCompletion(place::giveBack);
            emitter.onTimeout(place::giveBack);
            emitter.onError(error -> place.giveBack());
            return emitter;
        } catch (RuntimeException e) {
            place.giveBack();
            throw e;
        }
    }
}
