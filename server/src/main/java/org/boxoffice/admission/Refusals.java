package org.boxoffice.admission;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.boxoffice.platform.ApiException;
import org.boxoffice.platform.NotFound;

/** The refusals of the waiting room, one type per code. */
final class Refusals {

    private Refusals() {}

    static final class NoWaitingRoom extends ApiException {
        NoWaitingRoom() {
            super(409, "NO_WAITING_ROOM", "This event has no waiting room: buy without joining a queue.");
        }
    }

    static final class QueueNotOpen extends ApiException {
        QueueNotOpen(java.time.Instant opensAt) {
            super(409, "QUEUE_NOT_OPEN", "The waiting room of this event opens at " + opensAt + ".");
        }
    }

    static final class SaleClosed extends ApiException {
        SaleClosed() {
            super(409, "SALE_CLOSED", "The sale of this event is over.");
        }
    }

    static final class EntryNotFound extends NotFound {
        EntryNotFound(UUID queueId) {
            super(
                    "QUEUE_ENTRY_NOT_FOUND",
                    "You have no place " + queueId + " in this waiting room (a lost waiting room forgets"
                            + " its places): join again.");
        }
    }

    /** Redis, which keeps the lines, cannot be reached: nothing was changed. */
    static final class WaitingRoomUnavailable extends ApiException {

        private final Duration retryAfter;

        WaitingRoomUnavailable(Duration retryAfter) {
            super(503, "WAITING_ROOM_UNAVAILABLE", "The waiting room cannot be reached just now; please try again.");
            this.retryAfter = retryAfter;
        }

        @Override
        public Optional<Duration> retryAfter() {
            return Optional.of(retryAfter);
        }
    }
}
