package org.boxoffice.loadtest.drills;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of what the buyers got: how each journey ended, and every answer that was not one of
 * the normal ones (no answer at all, a 5xx, an unexpected status), by kind.
 */
final class BuyerTally {

    enum Outcome {
        PAID,
        DECLINED,
        SOLD_OUT,
        EXPIRED,
        UNFINISHED
    }

    private final Map<Outcome, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> abnormal = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();

    /** Every answer, by call and status (and code), for the report. */
    void answered(String call, DrillHttp.Answer answer) {
        var kind = call + " "
                + (answer.noAnswer()
                        ? "no answer (" + answer.failure() + ")"
                        : answer.status() + (answer.code() == null ? "" : " " + answer.code()));
        answers.computeIfAbsent(kind, key -> new LongAdder()).increment();
    }

    void ended(Outcome outcome) {
        outcomes.computeIfAbsent(outcome, key -> new LongAdder()).increment();
    }

    /** An answer that is not a normal one for the call: "HOLD no answer", "PAY 503 DATABASE_UNAVAILABLE". */
    void abnormal(String call, DrillHttp.Answer answer) {
        var kind = call + " "
                + (answer.noAnswer() ? "no answer (" + answer.failure() + ")" : answer.status() + " " + answer.code());
        abnormal.computeIfAbsent(kind, key -> new LongAdder()).increment();
    }

    long count(Outcome outcome) {
        var count = outcomes.get(outcome);
        return count == null ? 0 : count.sum();
    }

    long abnormalCount() {
        return abnormal.values().stream().mapToLong(LongAdder::sum).sum();
    }

    String summary() {
        var ended = new TreeMap<String, Long>();
        outcomes.forEach((outcome, count) -> ended.put(outcome.name(), count.sum()));
        var odd = new TreeMap<String, Long>();
        abnormal.forEach((kind, count) -> odd.put(kind, count.sum()));
        var all = new TreeMap<String, Long>();
        answers.forEach((kind, count) -> all.put(kind, count.sum()));
        return "journeys " + ended + ", abnormal answers " + abnormalCount() + " " + odd + "; all answers " + all;
    }
}
