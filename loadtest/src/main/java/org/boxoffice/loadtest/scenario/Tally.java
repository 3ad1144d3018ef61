package org.boxoffice.loadtest.scenario;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live counters of the run, updated by every journey and read by the progress line and the final
 * report. Counters only grow, except the two gauges (travelers on their way, orders awaited).
 */
final class Tally {

    private final int travelers;
    private final AtomicInteger onTheirWay = new AtomicInteger();
    private final AtomicInteger awaiting = new AtomicInteger();
    private final LongAdder done = new LongAdder();
    private final LongAdder held = new LongAdder();
    private final LongAdder soldOut = new LongAdder();
    private final LongAdder providerUnavailable = new LongAdder();
    private final LongAdder paid = new LongAdder();
    private final LongAdder declined = new LongAdder();
    private final LongAdder paymentsPending = new LongAdder();
    private final LongAdder cancelled = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final Map<TravelerOutcome, LongAdder> outcomes = new EnumMap<>(TravelerOutcome.class);

    Tally(int travelers) {
        this.travelers = travelers;
        // Filled once and only read afterwards, so the EnumMap needs no locking.
        for (var outcome : TravelerOutcome.values()) {
            outcomes.put(outcome, new LongAdder());
        }
    }

    void started() {
        onTheirWay.incrementAndGet();
    }

    void finished(TravelerOutcome outcome) {
        onTheirWay.decrementAndGet();
        ended(outcome);
    }

    /** A traveler who never set out (no token, or the run was over before their turn). */
    void ended(TravelerOutcome outcome) {
        outcomes.get(outcome).increment();
        done.increment();
    }

    void holdAnswered(Answer answer) {
        if (answer.status() == 201) {
            held.increment();
        } else if (answer.is(409, "SOLD_OUT")) {
            soldOut.increment();
        } else if (answer.is(503, "PROVIDER_UNAVAILABLE")) {
            providerUnavailable.increment();
        } else {
            countIfUnexpected(answer);
        }
    }

    void paymentAnswered(Answer answer) {
        if (answer.is(402, "PAYMENT_DECLINED")) {
            declined.increment();
        } else if (answer.status() == 202) {
            paymentsPending.increment();
        } else {
            countIfUnexpected(answer);
        }
    }

    /** Reads and cancellations: only their surprises are counted here. */
    void otherAnswered(Answer answer) {
        countIfUnexpected(answer);
    }

    void paid() {
        paid.increment();
    }

    /** A payment that was pending and then turned out to have failed counts as a decline. */
    void declined() {
        declined.increment();
    }

    void cancelled() {
        cancelled.increment();
    }

    void awaitingStarted() {
        awaiting.incrementAndGet();
    }

    void awaitingEnded() {
        awaiting.decrementAndGet();
    }

    /** Anything but a success or a refusal the API names: no answer, 5xx, 4xx other than 402 and 409. */
    private void countIfUnexpected(Answer answer) {
        var status = answer.status();
        if (!answer.answered()
                || status >= 500
                || (status >= 400 && status != 402 && status != 409)
                || answer.is(409, "IDEMPOTENCY_KEY_IN_USE")) {
            errors.increment();
        }
    }

    Snapshot snapshot() {
        var byOutcome = new EnumMap<TravelerOutcome, Long>(TravelerOutcome.class);
        outcomes.forEach((outcome, count) -> byOutcome.put(outcome, count.sum()));
        return new Snapshot(
                travelers,
                done.sum(),
                onTheirWay.get(),
                held.sum(),
                soldOut.sum(),
                providerUnavailable.sum(),
                paid.sum(),
                declined.sum(),
                paymentsPending.sum(),
                awaiting.get(),
                cancelled.sum(),
                errors.sum(),
                byOutcome);
    }

    /**
     * The counters at one moment.
     *
     * @param held successful holds ({@code 201})
     * @param paymentsPending payments answered {@code 202 PAYMENT_PENDING}
     * @param awaiting travelers reading an order whose outcome is not known yet, right now
     */
    record Snapshot(
            int travelers,
            long done,
            int onTheirWay,
            long held,
            long soldOut,
            long providerUnavailable,
            long paid,
            long declined,
            long paymentsPending,
            int awaiting,
            long cancelled,
            long errors,
            Map<TravelerOutcome, Long> outcomes) {}
}
