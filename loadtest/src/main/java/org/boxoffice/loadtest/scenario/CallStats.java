package org.boxoffice.loadtest.scenario;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Latencies and answers per {@link CallType}: the client-side round trip of every call, and the
 * server's own {@code app} and {@code provider} times when it sent a {@code Server-Timing} header.
 */
final class CallStats {

    /** What was recorded for one call type. Thread-safe: journeys record concurrently. */
    static final class PerCall {
        private final LatencySamples roundTrip = new LatencySamples();
        private final LatencySamples app = new LatencySamples();
        private final LatencySamples provider = new LatencySamples();
        private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();

        LatencySamples roundTrip() {
            return roundTrip;
        }

        LatencySamples app() {
            return app;
        }

        LatencySamples provider() {
            return provider;
        }

        /** How often each answer came back, such as {@code 201} or {@code 409 SOLD_OUT}, sorted by label. */
        Map<String, Long> answers() {
            var counts = new TreeMap<String, Long>();
            answers.forEach((answer, count) -> counts.put(answer, count.sum()));
            return Collections.unmodifiableMap(counts);
        }
    }

    private final Map<CallType, PerCall> perCall = new EnumMap<>(CallType.class);

    CallStats() {
        // Filled once and only read afterwards, so the EnumMap needs no locking.
        for (var type : CallType.values()) {
            perCall.put(type, new PerCall());
        }
    }

    void record(CallType type, Duration roundTrip, String answer, ServerTiming timing) {
        var call = perCall.get(type);
        call.roundTrip.record(TimeUnit.NANOSECONDS.toMicros(roundTrip.toNanos()));
        timing.app().ifPresent(call.app::recordMillis);
        timing.provider().ifPresent(call.provider::recordMillis);
        call.answers.computeIfAbsent(answer, key -> new LongAdder()).increment();
    }

    /** A call that got no HTTP answer: counted by reason, but it has no latency to report. */
    void countUnanswered(CallType type, String reason) {
        perCall.get(type)
                .answers
                .computeIfAbsent(reason, key -> new LongAdder())
                .increment();
    }

    PerCall of(CallType type) {
        return perCall.get(type);
    }
}
