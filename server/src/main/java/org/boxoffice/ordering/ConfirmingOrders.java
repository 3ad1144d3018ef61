package org.boxoffice.ordering;

import java.time.Clock;
import java.util.List;
import org.boxoffice.inventory.SeatsUnavailable;
import org.boxoffice.inventory.TicketHolds;
import org.boxoffice.ordering.domain.Order;
import org.boxoffice.platform.Outbox;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The second half of a hold that someone outside must agree to (a saga): the tickets are ours
 * already (order PENDING); now the airline or partner is asked, with no transaction open. Yes:
 * the order becomes HELD and its hold time starts. No, or no answer: the tickets go back and the
 * order FAILS, and whatever the other side may have reserved is cancelled. If our own side fails
 * after a yes, the other side's reservation is cancelled too.
 */
@Component
class ConfirmingOrders {

    private final Confirmations confirmations;
    private final Compensating compensating;
    private final Orders orders;
    private final TicketHolds holds;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ConfirmingOrders(
            Confirmations confirmations,
            Compensating compensating,
            Orders orders,
            TicketHolds holds,
            Outbox outbox,
            TransactionTemplate transaction,
            Clock clock) {
        this.confirmations = confirmations;
        this.compensating = compensating;
        this.orders = orders;
        this.holds = holds;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
    }

    Order confirm(Order pending, SaleTerms terms) {
        Confirmations.Outcome outcome;
        try {
            outcome = confirmations.confirm(pending, terms);
        } catch (RuntimeException e) {
            fail(pending, terms);
            throw e;
        }
        return switch (outcome) {
            case Confirmations.Outcome.Confirmed confirmed -> hold(pending, terms);
            case Confirmations.Outcome.Taken taken -> {
                fail(pending, terms);
                throw new SeatsUnavailable(taken.seats());
            }
            case Confirmations.Outcome.Unavailable unavailable -> {
                fail(pending, terms);
                throw new Refusals.ProviderUnavailable(terms.isFlight() ? "The airline" : "The venue's box office");
            }
        };
    }

    private Order hold(Order pending, SaleTerms terms) {
        Order held;
        try {
            held = transaction.execute(status -> {
                var expiresAt = clock.instant().plus(terms.holdTime());
                if (!orders.markHeld(pending.id(), expiresAt)) {
                    return null;
                }
                holds.extend(pending.eventId(), pending.id(), expiresAt);
                var order = orders.find(pending.id()).orElseThrow();
                outbox.append("order", order.id(), "OrderHeld", OrderEvents.placed(order));
                return order;
            });
        } catch (RuntimeException e) {
            fail(pending, terms);
            throw e;
        }
        if (held == null) {
            // The yes came after recovery had given the order up: the reservation goes too.
            fail(pending, terms);
            throw new Refusals.ProviderUnavailable(terms.isFlight() ? "The airline" : "The venue's box office");
        }
        return held;
    }

    /**
     * Gives the tickets back, fails the order, and cancels whatever the other side reserved: a
     * lost answer may have left a reservation behind, and cancelling is idempotent. The
     * cancellation is owed in the same transaction, so a crash cannot forget it.
     */
    private void fail(Order pending, SaleTerms terms) {
        var ended = new Orders.EndedOrder(pending.id(), pending.eventId(), Confirmations.of(terms));
        var failed = transaction.execute(status -> {
            if (!orders.markFailed(pending.id())) {
                return false;
            }
            holds.release(pending.eventId(), pending.id());
            outbox.append("order", pending.id(), "OrderFailed", OrderEvents.changed(pending, "FAILED"));
            compensating.owe(ended);
            return true;
        });
        if (Boolean.TRUE.equals(failed)) {
            compensating.tryNow(List.of(ended));
        }
    }
}
