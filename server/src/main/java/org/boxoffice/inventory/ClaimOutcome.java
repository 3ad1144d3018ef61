package org.boxoffice.inventory;

import java.util.List;
import org.boxoffice.platform.ApiException;
import org.jspecify.annotations.Nullable;

/**
 * What one order of a claim made together got: every ticket it asked for, or nothing and the
 * refusal to answer ({@link SoldOut}, {@link SeatsUnavailable}, or unknown seats).
 */
public record ClaimOutcome(
        List<HeldTicket> tickets, @Nullable ApiException refusal) {

    public ClaimOutcome {
        tickets = List.copyOf(tickets);
    }

    static ClaimOutcome held(List<HeldTicket> tickets) {
        return new ClaimOutcome(tickets, null);
    }

    static ClaimOutcome refused(ApiException refusal) {
        return new ClaimOutcome(List.of(), refusal);
    }

    public boolean isHeld() {
        return refusal == null;
    }
}
