package org.boxoffice.live;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.boxoffice.catalog.Viewer;
import org.boxoffice.identity.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "Catalog", description = "Events, their live availability and seat maps")
class StreamController {

    private final LiveAvailability live;

    StreamController(LiveAvailability live) {
        this.live = live;
    }

    @GetMapping(path = "/api/v1/events/{eventId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "Follow an event's availability",
            description = "Server-sent events named `availability` with data `{eventId, zones: [{code, available, "
                    + "held, sold, price}]}`: one at once, then one whenever the counts change, at most about every "
                    + "250 ms, within a second of a change on any instance. A comment line every 30 s keeps a quiet "
                    + "stream open; the server ends a stream after 30 minutes (an EventSource reconnects by itself).")
    @ApiResponse(responseCode = "200", description = "The stream")
    @ApiResponse(responseCode = "400", description = "VALIDATION: the id is not a UUID")
    @ApiResponse(responseCode = "404", description = "EVENT_NOT_FOUND (drafts are not found for non-administrators)")
    SseEmitter stream(@PathVariable UUID eventId) {
        return live.subscribe(eventId, new Viewer(CurrentUser.id().orElse(null), CurrentUser.isAdmin()));
    }
}
