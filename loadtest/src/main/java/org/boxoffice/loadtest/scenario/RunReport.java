package org.boxoffice.loadtest.scenario;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;

/** The summary printed at the end of a run: outcomes, counters, latencies per call, invariants. */
final class RunReport {

    private final PrintStream out;

    RunReport(PrintStream out) {
        this.out = out;
    }

    void outcomes(Tally.Snapshot tally, Duration travelTime) {
        out.println();
        out.printf(
                Locale.ROOT,
                "== Outcomes: %d travelers in %.1f s ==%n",
                tally.travelers(),
                travelTime.toMillis() / 1000.0);
        tally.outcomes().forEach((outcome, count) -> {
            if (count > 0) {
                out.printf(Locale.ROOT, "  %-21s %7d  %s%n", outcome, count, outcome.meaning());
            }
        });
        out.printf(
                Locale.ROOT,
                "  holds ok %d, sold out %d, 503 %d | paid %d, declines %d, 202 pending %d | cancelled %d |"
                        + " errors %d%n",
                tally.held(),
                tally.soldOut(),
                tally.providerUnavailable(),
                tally.paid(),
                tally.declined(),
                tally.paymentsPending(),
                tally.cancelled(),
                tally.errors());
        double seconds = Math.max(travelTime.toMillis(), 1) / 1000.0;
        out.printf(
                Locale.ROOT,
                "  throughput: %.1f holds/s, %.1f payments/s%n",
                tally.held() / seconds,
                tally.paid() / seconds);
    }

    void calls(CallStats stats) {
        out.println();
        out.println("== Calls: round trip in ms (calls with an HTTP answer); app = server time without providers"
                + " (Server-Timing) ==");
        out.printf(
                Locale.ROOT,
                "  %-12s %7s %9s %9s %9s %9s | %7s %8s %8s %8s | %12s%n",
                "call",
                "count",
                "p50",
                "p95",
                "p99",
                "max",
                "app n",
                "app p50",
                "app p95",
                "app p99",
                "provider p50");
        for (var type : CallType.values()) {
            var call = stats.of(type);
            var answers = call.answers();
            if (answers.isEmpty()) {
                continue;
            }
            var roundTrip = call.roundTrip().summary();
            var app = call.app().summary();
            var provider = call.provider().summary();
            out.printf(
                    Locale.ROOT,
                    "  %-12s %7d %9.1f %9.1f %9.1f %9.1f | %7d %8s %8s %8s | %12s%n",
                    type.label(),
                    roundTrip.count(),
                    roundTrip.p50(),
                    roundTrip.p95(),
                    roundTrip.p99(),
                    roundTrip.max(),
                    app.count(),
                    orDash(app.count(), app.p50()),
                    orDash(app.count(), app.p95()),
                    orDash(app.count(), app.p99()),
                    orDash(provider.count(), provider.p50()));
            out.println("  " + " ".repeat(12) + " answers: "
                    + answers.entrySet().stream()
                            .map(answer -> answer.getKey() + " x" + answer.getValue())
                            .collect(Collectors.joining(", ")));
        }
    }

    void invariants(InvariantCheck.Verdict verdict, int ordersSeen) {
        var totals = verdict.totals();
        out.println();
        out.println("== Invariants ==");
        out.println("  server: " + verdict.serverAnswer());
        out.printf(
                Locale.ROOT,
                "  client: %d orders seen; flights now: capacity %d = available %d + held %d + sold %d%n",
                ordersSeen,
                totals.capacity(),
                totals.available(),
                totals.held(),
                totals.sold());
        verdict.violations().forEach(violation -> out.println("  VIOLATION " + violation));
        verdict.unchecked().forEach(unchecked -> out.println("  NOT CHECKED " + unchecked));
        if (verdict.violations().isEmpty() && verdict.unchecked().isEmpty()) {
            out.println("  all invariants hold");
        }
    }

    private static String orDash(int count, double value) {
        return count == 0 ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }
}
