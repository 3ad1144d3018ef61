package org.boxoffice.admission.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.UUID;
import org.boxoffice.admission.QueueEntry;
import org.boxoffice.admission.QueueStatus;
import org.boxoffice.admission.WaitingRoom;
import org.boxoffice.identity.CurrentUser;
import org.boxoffice.platform.ProblemCodes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The waiting room over HTTP: join an event's queue, then ask where you stand. */
@RestController
@RequestMapping("/api/v1/events/{eventId}/queue")
class AdmissionController {

    /**
     * A place told to ask again this many seconds or more later gets {@code Connection: close}: a
     * connection kept open for its next poll would sit idle until the keep-alive timeout, and
     * 100,000 waiting people at a poll a minute would keep tens of thousands open, more than an
     * instance accepts at once (its connection budget). Those at the front, who ask every second,
     * keep theirs.
     */
    private static final int CLOSE_WHEN_POLLING_AFTER_SECONDS = 2;

    private final WaitingRoom waitingRoom;

    AdmissionController(WaitingRoom waitingRoom) {
        this.waitingRoom = waitingRoom;
    }

    /** {@code 201} with a new place, {@code 200} with the place this user already has. */
    @ProblemCodes({
        "401 UNAUTHORIZED",
        "404 EVENT_NOT_FOUND",
        "409 NO_WAITING_ROOM",
        "409 QUEUE_NOT_OPEN",
        "409 SALE_CLOSED",
        "503 WAITING_ROOM_UNAVAILABLE"
    })
    @PostMapping
    @Operation(
            summary = "Join an event's waiting room",
            description = "Joining opens `rules.waitingRoom.opensMinutesBefore` minutes before the sale. Everyone"
                    + " who joins before the sale opens is put in a random order at the opening, ahead of later"
                    + " arrivals (before the opening `position` is null); after it, first come, first served. No"
                    + " Idempotency-Key is needed: joining again finds the same place, until its admission has"
                    + " lapsed (then the user joins again at the back).")
    @ApiResponse(responseCode = "201", description = "A new place")
    @ApiResponse(responseCode = "200", description = "The place this user already has")
    @ApiResponse(responseCode = "404", description = "EVENT_NOT_FOUND")
    @ApiResponse(
            responseCode = "409",
            description = "NO_WAITING_ROOM (buy without queueing); QUEUE_NOT_OPEN (too early: the detail says"
                    + " when it opens); SALE_CLOSED")
    @ApiResponse(
            responseCode = "503",
            description = "WAITING_ROOM_UNAVAILABLE: the queue (kept in Redis) cannot be reached; try again after"
                    + " Retry-After")
    ResponseEntity<QueueEntry> join(@PathVariable UUID eventId) {
        var joining = waitingRoom.join(CurrentUser.require(), eventId);
        return ResponseEntity.status(joining.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(joining.entry());
    }

    @ProblemCodes({"401 UNAUTHORIZED", "400 VALIDATION", "404 QUEUE_ENTRY_NOT_FOUND", "503 WAITING_ROOM_UNAVAILABLE"})
    @GetMapping("/{queueId}")
    @Operation(
            summary = "Where a place in the waiting room stands",
            description = "Once the front has passed the place, `admitted` is true and `admissionToken` is the"
                    + " value for the `X-Admission-Token` header of `POST /orders` until `tokenExpiresAt`"
                    + " (`rules.waitingRoom.tokenTtlSeconds` from the first time it is handed out). Ask again"
                    + " after `pollAfterSeconds` (longer the further back the place is).")
    @ApiResponse(responseCode = "200", description = "The place")
    @ApiResponse(
            responseCode = "404",
            description = "QUEUE_ENTRY_NOT_FOUND: no such place for this user (another user's place, or one a"
                    + " lost waiting room forgot: join again)")
    @ApiResponse(responseCode = "503", description = "WAITING_ROOM_UNAVAILABLE; try again after Retry-After")
    ResponseEntity<QueueStatus> status(@PathVariable UUID eventId, @PathVariable UUID queueId) {
        var status = waitingRoom.status(CurrentUser.require(), eventId, queueId);
        var answer = ResponseEntity.ok();
        if (closesConnection(status)) {
            answer.header(HttpHeaders.CONNECTION, "close");
        }
        return answer.body(status);
    }

    /** Whether the answer to this poll closes its connection (see {@link #CLOSE_WHEN_POLLING_AFTER_SECONDS}). */
    static boolean closesConnection(QueueStatus status) {
        return status.pollAfterSeconds() >= CLOSE_WHEN_POLLING_AFTER_SECONDS;
    }
}
