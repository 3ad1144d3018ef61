package org.boxoffice.loadtest.scenario;

import static org.boxoffice.loadtest.scenario.TravelerOutcome.ERROR;

import java.time.Duration;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * What a traveler does after each answer: the whole decision table of the journey, free of HTTP
 * so that it can be read and tested on its own. Two kinds of repeat are kept apart on purpose:
 * a <em>resend</em> repeats an attempt whose outcome is unknown (network error, 5xx, 429) with the
 * same idempotency key, so the server never does it twice; a <em>retry</em> is a new attempt after
 * a definite refusal (provider unavailable, payment declined) and takes a new key.
 */
final class JourneyPolicy {

    /** Refusals that are about the flight, not the traveler: another flight may still work. */
    private static final Set<String> FLIGHT_REFUSALS =
            Set.of("SOLD_OUT", "SALE_CLOSED", "SALE_NOT_OPEN", "EVENT_NOT_FOUND");

    private final JourneyLimits limits;
    private final DoubleSupplier jitter;

    /** @param jitter uniform random numbers in [0, 1) that spread the retries of a crowd */
    JourneyPolicy(JourneyLimits limits, DoubleSupplier jitter) {
        this.limits = limits;
        this.jitter = jitter;
    }

    JourneyLimits limits() {
        return limits;
    }

    Next afterHold(Answer answer, Attempts attempts) {
        if (answer.status() == 201 && answer.order() != null) {
            return heldOrNot(answer.order(), attempts);
        }
        if (refusesTheFlight(answer)) {
            return attempts.flights() < limits.maxFlights()
                    ? new Next.OtherFlight()
                    : new Next.Finish(TravelerOutcome.SOLD_OUT);
        }
        if (answer.is(409, "ORDER_LIMIT")) {
            return new Next.Finish(TravelerOutcome.ORDER_LIMIT);
        }
        if (answer.is(503, "PROVIDER_UNAVAILABLE")) {
            return providerRetry(attempts);
        }
        return resendOr(answer, attempts, ERROR);
    }

    /** A read of an order whose hold the airline had not confirmed yet. */
    Next afterHoldPoll(Answer answer, Attempts attempts) {
        if (answer.status() == 200 && answer.order() != null) {
            return heldOrNot(answer.order(), attempts);
        }
        return answer.worthResending() ? new Next.AwaitOrder() : new Next.Finish(ERROR);
    }

    Next afterPayment(Answer answer, Attempts attempts) {
        var order = answer.order();
        if (answer.status() == 200 && order != null) {
            return order.status() == OrderStatus.PAID ? new Next.Proceed(order) : new Next.AwaitOrder();
        }
        if (answer.status() == 202) {
            return new Next.AwaitOrder();
        }
        if (answer.is(402, "PAYMENT_DECLINED")) {
            return declineRetry(attempts);
        }
        if (answer.is(409, "ORDER_EXPIRED")) {
            return new Next.Finish(TravelerOutcome.EXPIRED);
        }
        if (answer.is(409, "ORDER_NOT_PAYABLE")) {
            // Perhaps an earlier attempt went through after all: the order itself tells.
            return new Next.AwaitOrder();
        }
        return resendOr(answer, attempts, ERROR);
    }

    /** A read of an order whose payment outcome was not known yet. */
    Next afterPaymentPoll(Answer answer, Attempts attempts) {
        var order = answer.order();
        if (answer.status() != 200 || order == null) {
            return answer.worthResending() ? new Next.AwaitOrder() : new Next.Finish(ERROR);
        }
        return switch (order.status()) {
            case PAID -> new Next.Proceed(order);
            case PENDING -> new Next.AwaitOrder();
            // Held without a pending payment: the payment failed and the traveler may pay again.
            case HELD -> order.paymentPending() ? new Next.AwaitOrder() : declineRetry(attempts);
            case EXPIRED -> new Next.Finish(TravelerOutcome.EXPIRED);
            case CANCELLED, REFUNDED, FAILED, UNKNOWN -> new Next.Finish(ERROR);
        };
    }

    Next afterCancel(Answer answer, Attempts attempts) {
        var order = answer.order();
        if (answer.status() == 200 && order != null) {
            return order.status() == OrderStatus.REFUNDED || order.status() == OrderStatus.CANCELLED
                    ? new Next.Proceed(order)
                    : new Next.Finish(ERROR);
        }
        if (answer.is(409, "NOT_CANCELLABLE") || answer.is(409, "REFUND_WINDOW_CLOSED")) {
            return new Next.Finish(TravelerOutcome.CANCEL_REFUSED);
        }
        return resendOr(answer, attempts, ERROR);
    }

    /**
     * The delay before repeat number {@code repeat} (0 for the first): doubling from {@code
     * backoff} up to {@code maxBackoff}, then a random point in its upper half, so that travelers
     * refused together do not all come back in the same millisecond.
     */
    Duration backoff(int repeat) {
        long base = limits.backoff().toMillis();
        long ceiling = Math.min(limits.maxBackoff().toMillis(), base << Math.min(repeat, 20));
        return Duration.ofMillis(ceiling / 2 + (long) (jitter.getAsDouble() * (ceiling - ceiling / 2)));
    }

    private static boolean refusesTheFlight(Answer answer) {
        var code = answer.code();
        return (answer.status() == 409 || answer.status() == 404) && code != null && FLIGHT_REFUSALS.contains(code);
    }

    private Next heldOrNot(OrderSnapshot order, Attempts attempts) {
        return switch (order.status()) {
            case HELD, PAID -> new Next.Proceed(order);
            case PENDING -> new Next.AwaitOrder();
            // The airline said no after all: that is a 503 that arrived late.
            case FAILED -> providerRetry(attempts);
            case EXPIRED -> new Next.Finish(TravelerOutcome.EXPIRED);
            case CANCELLED, REFUNDED, UNKNOWN -> new Next.Finish(ERROR);
        };
    }

    private Next providerRetry(Attempts attempts) {
        return attempts.retries() < limits.maxProviderRetries()
                ? new Next.Retry(backoff(attempts.retries()))
                : new Next.Finish(TravelerOutcome.PROVIDER_UNAVAILABLE);
    }

    private Next declineRetry(Attempts attempts) {
        return attempts.retries() < limits.maxDeclineRetries()
                ? new Next.Retry(backoff(attempts.retries()))
                : new Next.Finish(TravelerOutcome.PAYMENT_DECLINED);
    }

    private Next resendOr(Answer answer, Attempts attempts, TravelerOutcome otherwise) {
        if (!answer.worthResending() || attempts.resends() >= limits.maxResends()) {
            return new Next.Finish(otherwise);
        }
        var delay = answer.retryAfter() != null ? answer.retryAfter() : backoff(attempts.resends());
        return new Next.Resend(delay);
    }
}
