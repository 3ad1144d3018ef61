package org.boxoffice.loadtest.scenario;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * One traveler's way through the flight booking: hold one ticket on a random flight, pay for it,
 * and (sometimes) cancel. What to do after each answer is {@link JourneyPolicy}'s decision; this
 * class only carries it out: sends, waits, switches keys and flights, and keeps the tally and the
 * ledger up to date.
 */
final class TravelerJourney {

    private static final String ZONE = "ECONOMY";

    /** Ends the journey from deep inside a step; carries no stack trace, it is not an error. */
    private static final class Ended extends Exception {
        private final TravelerOutcome outcome;

        Ended(TravelerOutcome outcome) {
            super(outcome.name(), null, false, false);
            this.outcome = outcome;
        }
    }

    private final JourneyContext run;
    private final Traveler traveler;
    private final RandomGenerator random;
    private @Nullable OrderSnapshot current;

    TravelerJourney(JourneyContext run, Traveler traveler, RandomGenerator random) {
        this.run = run;
        this.traveler = traveler;
        this.random = random;
    }

    TravelerOutcome travel() throws InterruptedException {
        try {
            var held = hold();
            var paid = held.status() == OrderStatus.PAID ? held : pay(held);
            if (random.nextDouble() < run.policy().limits().cancelRatio()) {
                cancel(paid);
                run.tally().cancelled();
                return TravelerOutcome.REFUNDED;
            }
            return TravelerOutcome.PAID;
        } catch (Ended ended) {
            if (current != null && leavesOrderInDoubt(ended.outcome)) {
                run.ledger().lostTrackOf(traveler.token(), current);
            }
            return ended.outcome;
        }
    }

    private static boolean leavesOrderInDoubt(TravelerOutcome outcome) {
        return outcome == TravelerOutcome.CUT_OFF
                || outcome == TravelerOutcome.ERROR
                || outcome == TravelerOutcome.PAYMENT_UNSETTLED;
    }

    private OrderSnapshot hold() throws InterruptedException, Ended {
        Set<UUID> tried = new HashSet<>();
        var flight = pickFlight(tried);
        var attempts = Attempts.first();
        var key = newKey();
        while (true) {
            checkDeadline();
            var answer = run.api().hold(traveler.token(), flight, ZONE, key);
            run.tally().holdAnswered(answer);
            see(answer);
            var next = run.policy().afterHold(answer, attempts);
            if (next instanceof Next.AwaitOrder) {
                next = await(requireOrder(answer).id(), run.policy()::afterHoldPoll, attempts, TravelerOutcome.ERROR);
            }
            switch (next) {
                case Next.Proceed(var order) -> {
                    return order;
                }
                case Next.Resend(var delay) -> {
                    pause(delay);
                    attempts = attempts.resent();
                }
                case Next.Retry(var delay) -> {
                    pause(delay);
                    attempts = attempts.retried();
                    key = newKey();
                }
                case Next.OtherFlight _ -> {
                    if (answer.is(409, "SOLD_OUT")) {
                        run.board().soldOut(flight);
                    }
                    flight = pickFlight(tried);
                    attempts = attempts.nextFlight();
                    key = newKey();
                }
                case Next.Finish(var outcome) -> throw new Ended(outcome);
                case Next.AwaitOrder _ -> throw new Ended(TravelerOutcome.ERROR);
            }
        }
    }

    private OrderSnapshot pay(OrderSnapshot held) throws InterruptedException, Ended {
        var attempts = Attempts.first();
        var key = newKey();
        while (true) {
            checkDeadline();
            var answer = run.api().pay(traveler.token(), held.id(), key);
            run.tally().paymentAnswered(answer);
            see(answer);
            var next = run.policy().afterPayment(answer, attempts);
            if (next instanceof Next.AwaitOrder) {
                next = await(held.id(), run.policy()::afterPaymentPoll, attempts, TravelerOutcome.PAYMENT_UNSETTLED);
            }
            switch (next) {
                case Next.Proceed(var order) -> {
                    run.tally().paid();
                    return order;
                }
                case Next.Resend(var delay) -> {
                    pause(delay);
                    attempts = attempts.resent();
                }
                case Next.Retry(var delay) -> {
                    if (!answer.is(402, "PAYMENT_DECLINED")) {
                        run.tally().declined(); // a pending payment that turned out to have failed
                    }
                    pause(delay);
                    attempts = attempts.retried();
                    key = newKey();
                }
                case Next.Finish(var outcome) -> {
                    if (outcome == TravelerOutcome.PAYMENT_DECLINED) {
                        release(held);
                    }
                    throw new Ended(outcome);
                }
                case Next.AwaitOrder _, Next.OtherFlight _ -> throw new Ended(TravelerOutcome.ERROR);
            }
        }
    }

    private OrderSnapshot cancel(OrderSnapshot order) throws InterruptedException, Ended {
        var attempts = Attempts.first();
        var key = newKey();
        while (true) {
            checkDeadline();
            var answer = run.api().cancel(traveler.token(), order.id(), key);
            run.tally().otherAnswered(answer);
            see(answer);
            switch (run.policy().afterCancel(answer, attempts)) {
                case Next.Proceed(var cancelled) -> {
                    run.board().ticketReturned(order.eventId());
                    return cancelled;
                }
                case Next.Resend(var delay) -> {
                    pause(delay);
                    attempts = attempts.resent();
                }
                case Next.Finish(var outcome) -> throw new Ended(outcome);
                case Next.AwaitOrder _, Next.Retry _, Next.OtherFlight _ -> throw new Ended(TravelerOutcome.ERROR);
            }
        }
    }

    /**
     * A traveler who gives up on paying cancels the hold rather than let the ticket sit out its
     * three minutes: someone else may want it. Whether that works does not change the outcome.
     */
    private void release(OrderSnapshot held) throws InterruptedException {
        try {
            cancel(held);
        } catch (Ended _) {
            // The hold expires on its own.
        }
    }

    /**
     * Reads the order until its outcome is known, as {@code decide} judges each answer; {@code
     * onTimeout} when the pending timeout passes first.
     */
    private Next await(
            UUID orderId, BiFunction<Answer, Attempts, Next> decide, Attempts attempts, TravelerOutcome onTimeout)
            throws InterruptedException, Ended {
        var limits = run.policy().limits();
        var patience = Deadline.after(limits.pendingTimeout());
        run.tally().awaitingStarted();
        try {
            while (!patience.passed()) {
                pause(limits.pollInterval());
                checkDeadline();
                var answer = run.api().order(traveler.token(), orderId);
                run.tally().otherAnswered(answer);
                see(answer);
                var next = decide.apply(answer, attempts);
                if (!(next instanceof Next.AwaitOrder)) {
                    return next;
                }
            }
            return new Next.Finish(onTimeout);
        } finally {
            run.tally().awaitingEnded();
        }
    }

    private UUID pickFlight(Set<UUID> tried) throws Ended {
        var flight = run.board().pick(random, tried);
        if (flight == null) {
            throw new Ended(TravelerOutcome.SOLD_OUT);
        }
        tried.add(flight);
        return flight;
    }

    private void see(Answer answer) {
        var order = answer.order();
        if (order != null) {
            current = order;
            run.ledger().saw(traveler.token(), order);
        }
    }

    private static OrderSnapshot requireOrder(Answer answer) throws Ended {
        var order = answer.order();
        if (order == null) {
            throw new Ended(TravelerOutcome.ERROR);
        }
        return order;
    }

    private void checkDeadline() throws Ended {
        if (run.deadline().passed()) {
            throw new Ended(TravelerOutcome.CUT_OFF);
        }
    }

    private void pause(Duration delay) throws InterruptedException {
        run.deadline().sleep(delay);
    }

    /** A fresh key per attempt; random, so that a second run never replays the first run's answers. */
    private static String newKey() {
        return UUID.randomUUID().toString();
    }
}
