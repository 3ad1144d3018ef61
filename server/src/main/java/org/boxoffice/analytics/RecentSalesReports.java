package org.boxoffice.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Each event's sales report, kept for {@link AnalyticsSettings#salesFreshFor()} after its
 * computation started: however many administrators refresh, an event's report is computed at most
 * once per period, and readers that arrive while it is being computed wait for that computation
 * instead of starting their own. A failed computation is not kept. Freshness is measured with the
 * injected clock, so tests can move past it.
 */
@Component
class RecentSalesReports {

    /** Beyond this many events, reports past their time are dropped whenever one is computed. */
    private static final int TIDY_ABOVE = 1_000;

    private final ConcurrentHashMap<UUID, Entry> entries = new ConcurrentHashMap<>();
    private final Duration freshFor;
    private final Clock clock;

    RecentSalesReports(AnalyticsSettings settings, Clock clock) {
        this.freshFor = settings.salesFreshFor();
        this.clock = clock;
    }

    SalesReport get(UUID eventId, Supplier<SalesReport> compute) {
        var now = clock.instant();
        var started = new CompletableFuture<SalesReport>();
        var entry = entries.compute(
                eventId,
                (id, current) ->
                        current != null && current.isFreshAt(now) ? current : new Entry(now.plus(freshFor), started));
        if (entry.report() == started) {
            fill(eventId, entry, compute);
            tidy(now);
        }
        return await(entry.report());
    }

    private void fill(UUID eventId, Entry entry, Supplier<SalesReport> compute) {
        try {
            entry.report().complete(compute.get());
        } catch (RuntimeException e) {
            entries.remove(eventId, entry);
            entry.report().completeExceptionally(e);
        }
    }

    private void tidy(Instant now) {
        if (entries.size() > TIDY_ABOVE) {
            entries.values().removeIf(entry -> !entry.isFreshAt(now));
        }
    }

    private static SalesReport await(CompletableFuture<SalesReport> report) {
        try {
            return report.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    private record Entry(Instant freshUntil, CompletableFuture<SalesReport> report) {

        boolean isFreshAt(Instant now) {
            return now.isBefore(freshUntil);
        }
    }
}
