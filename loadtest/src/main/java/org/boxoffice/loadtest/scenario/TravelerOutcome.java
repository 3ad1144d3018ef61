package org.boxoffice.loadtest.scenario;

/** How one traveler's journey ended. Every traveler ends in exactly one of these. */
enum TravelerOutcome {
    PAID("paid and kept the ticket"),
    REFUNDED("paid, then cancelled and refunded"),
    SOLD_OUT("every flight tried was sold out"),
    PROVIDER_UNAVAILABLE("airline could not confirm, retries used up"),
    ORDER_LIMIT("already had a live order (409 ORDER_LIMIT)"),
    PAYMENT_DECLINED("payment declined, retries used up (hold cancelled)"),
    PAYMENT_UNSETTLED("payment outcome still unknown at --pending-timeout"),
    EXPIRED("hold expired before it was paid"),
    CANCEL_REFUSED("paid, but the cancellation was refused"),
    NO_TOKEN("no token minted (no such user)"),
    CUT_OFF("stopped by --max-duration mid-journey"),
    NOT_STARTED("not started before --max-duration"),
    ERROR("unexpected answer, or no answer after resends");

    private final String meaning;

    TravelerOutcome(String meaning) {
        this.meaning = meaning;
    }

    String meaning() {
        return meaning;
    }

    /** Outcomes that mean the run did not get to finish every traveler. */
    boolean incomplete() {
        return this == CUT_OFF || this == NOT_STARTED;
    }
}
