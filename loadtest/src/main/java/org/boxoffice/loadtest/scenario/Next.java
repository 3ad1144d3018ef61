package org.boxoffice.loadtest.scenario;

import java.time.Duration;

/** What a traveler does after an answer; decided by {@link JourneyPolicy}, carried out by {@link TravelerJourney}. */
sealed interface Next {

    /** The step reached its goal; go on with this order. */
    record Proceed(OrderSnapshot order) implements Next {}

    /** The order's outcome is not known yet: read it until it is (bounded by the pending timeout). */
    record AwaitOrder() implements Next {}

    /** Send the very same request again, with the same idempotency key: nothing was decided. */
    record Resend(Duration delay) implements Next {}

    /** A new attempt at the same thing, with a new idempotency key: the last one was refused. */
    record Retry(Duration delay) implements Next {}

    /** This flight is out; try another one. */
    record OtherFlight() implements Next {}

    /** The journey ends here. */
    record Finish(TravelerOutcome outcome) implements Next {}
}
