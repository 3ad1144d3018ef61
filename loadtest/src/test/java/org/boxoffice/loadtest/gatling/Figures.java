package org.boxoffice.loadtest.gatling;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The figures a benchmark reports of one request name: how many, at what rate, p50/p95/p99. Each
 * measured request saves its response time ({@link #responseTime()}) and {@link #record} adds it;
 * at the end {@link #print} writes one line per request name, starting with {@code FIGURES}, which
 * {@code loadtest/benchmark} collects. The rate divides the count by the time from the first to
 * the last answer of that name, so a warm-up (recorded under another name) does not dilute it.
 */
final class Figures {

    private static final Map<String, Samples> BY_NAME = new ConcurrentHashMap<>();

    private Figures() {}

    /** The check that saves a request's response time for {@link #record}. */
    static CheckBuilder.Final responseTime() {
        return responseTimeInMillis().saveAs("responseTime");
    }

    /** Adds the last request's response time under {@code name} (when it was saved). */
    static ChainBuilder record(String name) {
        return exec(session -> {
            if (session.contains("responseTime")) {
                BY_NAME.computeIfAbsent(name, key -> new Samples()).add(session.getInt("responseTime"));
            }
            return session.remove("responseTime");
        });
    }

    static long count(String name) {
        var samples = BY_NAME.get(name);
        return samples == null ? 0 : samples.count();
    }

    static void print() {
        BY_NAME.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> System.out.println(entry.getValue().line(entry.getKey())));
    }

    private static final class Samples {

        private int[] millis = new int[1 << 16];
        private int count;
        private long firstNanos;
        private long lastNanos;

        synchronized void add(int responseMillis) {
            long now = System.nanoTime();
            if (count == 0) {
                firstNanos = now;
            }
            lastNanos = now;
            if (count == millis.length) {
                millis = Arrays.copyOf(millis, count * 2);
            }
            millis[count++] = responseMillis;
        }

        synchronized long count() {
            return count;
        }

        synchronized String line(String name) {
            var sorted = Arrays.copyOf(millis, count);
            Arrays.sort(sorted);
            double seconds = Math.max(1e-9, (lastNanos - firstNanos) / 1e9);
            return String.format(
                    Locale.ROOT,
                    "FIGURES name=\"%s\" count=%d seconds=%.1f rate=%.1f p50=%d p95=%d p99=%d max=%d",
                    name,
                    count,
                    seconds,
                    count / seconds,
                    percentile(sorted, 50),
                    percentile(sorted, 95),
                    percentile(sorted, 99),
                    count == 0 ? 0 : sorted[count - 1]);
        }

        /** Nearest rank. */
        private static int percentile(int[] sorted, int p) {
            if (sorted.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, rank - 1)];
        }
    }
}
