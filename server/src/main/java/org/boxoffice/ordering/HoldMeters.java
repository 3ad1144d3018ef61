package org.boxoffice.ordering;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.boxoffice.platform.ApiException;
import org.springframework.stereotype.Component;

/**
 * How holds went: {@code boxoffice.holds} (seconds, with a histogram for percentiles), tagged
 * {@code result} — {@code held} (an order: HELD, PENDING or PAID), {@code refused} (the buyer's
 * request cannot be met: sold out, limits, not admitted, bad input) or {@code failed} (the
 * server or a provider could not answer: overloaded, unavailable, an error) — and {@code code}
 * (the order's status or the problem's code). The alert on hold failures divides
 * {@code failed} by all.
 */
@Component
class HoldMeters {

    private final MeterRegistry meters;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    HoldMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    void held(String status, long startedAt) {
        record("held", status, startedAt);
    }

    void refused(RuntimeException refusal, long startedAt) {
        if (refusal instanceof ApiException api) {
            record(api.status() >= 500 ? "failed" : "refused", api.code(), startedAt);
        } else {
            record("failed", "INTERNAL", startedAt);
        }
    }

    private void record(String result, String code, long startedAt) {
        timers.computeIfAbsent(
                        result + "/" + code,
                        key -> Timer.builder("boxoffice.holds")
                                .description("Hold requests by result, from the use case's start to its answer")
                                .tag("result", result)
                                .tag("code", code.toUpperCase(Locale.ROOT))
                                .publishPercentileHistogram()
                                .minimumExpectedValue(Duration.ofMillis(1))
                                .maximumExpectedValue(Duration.ofSeconds(30))
                                .register(meters))
                .record(System.nanoTime() - startedAt, TimeUnit.NANOSECONDS);
    }
}
