package org.boxoffice.admission.web;

import java.util.UUID;
import org.boxoffice.admission.QueueEntry;
import org.boxoffice.admission.QueueStatus;
import org.boxoffice.admission.WaitingRoom;
import org.boxoffice.identity.CurrentUser;
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

    private final WaitingRoom waitingRoom;

    AdmissionController(WaitingRoom waitingRoom) {
        this.waitingRoom = waitingRoom;
    }

    /** {@code 201} with a new place, {@code 200} with the place this user already has. */
    @PostMapping
    ResponseEntity<QueueEntry> join(@PathVariable UUID eventId) {
        var joining = waitingRoom.join(CurrentUser.require(), eventId);
        return ResponseEntity.status(joining.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(joining.entry());
    }

    @GetMapping("/{queueId}")
    QueueStatus status(@PathVariable UUID eventId, @PathVariable UUID queueId) {
        return waitingRoom.status(CurrentUser.require(), eventId, queueId);
    }
}
