package org.boxoffice.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invariant check: run by the load-test runners after a run, by tests after every
 * concurrency test, and by operators at any time ({@code GET /api/v1/admin/invariants}).
 */
@Service
public class Invariants {

    /** Partner calls and payments may be open this long before they count as left hanging. */
    static final Duration GRACE = Duration.ofMinutes(2);

    private final InvariantQueries queries;
    private final Clock clock;

    Invariants(InvariantQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** Checks one event, or every event when {@code eventId} is null, in one consistent snapshot. */
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public InvariantReport check(@Nullable UUID eventId) {
        var now = clock.instant();
        var violations = new InvariantReport.Violations(
                queries.ticketsInTwoLiveOrders(eventId, now),
                queries.heldTicketsWithoutLiveOrder(eventId, now),
                queries.soldTicketsWithoutPaidOrder(eventId, now),
                queries.paidOrdersMissingTickets(eventId, now),
                queries.zoneCountMismatches(eventId, now),
                queries.ordersPendingSince(eventId, now.minus(GRACE)),
                queries.paymentsOpenSince(eventId, now.minus(GRACE)));
        var backlog = new InvariantReport.Backlog(
                queries.lapsedHolds(eventId, now),
                queries.compensationsOwed(eventId),
                queries.paymentsPending(eventId));
        return new InvariantReport(violations.none(), now, violations, backlog);
    }
}
