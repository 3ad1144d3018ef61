package org.boxoffice.ordering;

import java.time.Duration;
import java.util.UUID;
import org.boxoffice.platform.ApiException;
import org.boxoffice.platform.NotFound;
import org.boxoffice.platform.Overloaded;

/** The refusals of the ordering API, one type per code. */
final class Refusals {

    private Refusals() {}

    static final class OrderNotFound extends NotFound {
        OrderNotFound(UUID orderId) {
            super("ORDER_NOT_FOUND", "You have no order " + orderId + ".");
        }
    }

    static final class SaleNotOpen extends ApiException {
        SaleNotOpen() {
            super(409, "SALE_NOT_OPEN", "The sale of this event has not started yet.");
        }
    }

    static final class SaleClosed extends ApiException {
        SaleClosed() {
            super(409, "SALE_CLOSED", "The sale of this event is over.");
        }
    }

    static final class OrderLimit extends ApiException {
        OrderLimit(int limit) {
            super(409, "ORDER_LIMIT", "You already have " + limit + " live order(s) for this event or its group.");
        }
    }

    static final class TicketLimit extends ApiException {
        TicketLimit(int limit) {
            super(409, "TICKET_LIMIT", "One person may have at most " + limit + " ticket(s) for this event.");
        }
    }

    static final class AlreadyParticipated extends ApiException {
        AlreadyParticipated() {
            super(409, "ALREADY_PARTICIPATED", "You have taken part in this activity already.");
        }
    }

    static final class OrderExpired extends ApiException {
        OrderExpired() {
            super(409, "ORDER_EXPIRED", "The hold of this order has lapsed.");
        }
    }

    static final class OrderNotPayable extends ApiException {
        OrderNotPayable() {
            super(409, "ORDER_NOT_PAYABLE", "This order cannot be paid.");
        }
    }

    static final class PaymentDeclined extends ApiException {
        PaymentDeclined(String reason) {
            super(402, "PAYMENT_DECLINED", "The payment was declined (" + reason + "); the order is still held.");
        }
    }

    static final class NotCancellable extends ApiException {
        NotCancellable() {
            super(409, "NOT_CANCELLABLE", "This order cannot be cancelled now.");
        }
    }

    static final class RefundWindowClosed extends ApiException {
        RefundWindowClosed(int hours) {
            super(409, "REFUND_WINDOW_CLOSED", "Tickets can be returned until " + hours + " hours before the event.");
        }
    }

    static final class ProviderUnavailable extends ApiException {
        ProviderUnavailable(String what) {
            super(503, "PROVIDER_UNAVAILABLE", what + " could not be reached; nothing changed, please try again.");
        }
    }

    /** The event's holds in flight already wait longer than a buyer should: come back later. */
    static final class EventOverloaded extends Overloaded {
        EventOverloaded(Duration retryAfter) {
            super(
                    "This event has more holds waiting than it can decide in time; please try again shortly.",
                    retryAfter);
        }
    }
}
