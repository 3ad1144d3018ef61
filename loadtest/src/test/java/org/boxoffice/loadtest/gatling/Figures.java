package org.boxoffice.loadtest.gatling;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Session;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The figures a benchmark reports of one request name: how many, at what rate, p50/p95/p99. Each
 * measured request saves its response time ({@link #responseTime()}) and {@link #record} adds it;
 * at the end {@link #print} writes one line per request name, starting with {@code FIGURES}, which
 * {@code loadtest/benchmark} collects. The rate divides the count by the time from the first to
 * the last answer of that name, so a warm-up (recorded under another name) does not dilute it.
 */
final class Figures {

    private static final Map<String, Samples> BY_NAME = new ConcurrentHashMap<>();
    private static final Map<String, Map<Integer, LongAdder>> ANSWERS = new ConcurrentHashMap<>();
    private static final Pattern APP_TIME = Pattern.compile("app;dur=([0-9.]+)");

    private Figures() {}

    /** The check that saves a request's response time for {@link #record}. */
    static CheckBuilder.Final responseTime() {
        return responseTimeInMillis().saveAs("responseTime");
    }

    /**
     * The check that saves a request's {@code Server-Timing} header for {@link #record}, which then
     * also records the server's own time ({@code app;dur=}) under {@code name + " (server)"}: a tail
     * there is the server's, a tail only in the response time is the network's or the load
     * generator's (its own pauses count as response time).
     */
    static CheckBuilder.Final serverTime() {
        return header("Server-Timing").optional().saveAs("serverTiming");
    }

    /**
     * The check that saves a request's status for {@link #record}, which counts the answers per
     * status (no answer counts as 0); put it before the checks that may fail.
     */
    static CheckBuilder.Final answer() {
        return status().saveAs("answerStatus");
    }

    /** Adds the last request's response time (and status, when {@link #answer} saved it) under {@code name}. */
    static ChainBuilder record(String name) {
        return record(name, session -> null);
    }

    /**
     * As {@link #record(String)}, and the response times also under {@code name + " (" + phase +
     * ")"} when {@code phase} names one for the session.
     */
    static ChainBuilder record(String name, Function<Session, @Nullable String> phase) {
        return exec(session -> {
            var phaseName = phase.apply(session);
            if (phaseName != null && session.contains("responseTime")) {
                BY_NAME.computeIfAbsent(name + " (" + phaseName + ")", key -> new Samples())
                        .add(session.getInt("responseTime"));
            }
            if (session.contains("responseTime")) {
                BY_NAME.computeIfAbsent(name, key -> new Samples()).add(session.getInt("responseTime"));
            }
            if (session.contains("serverTiming")) {
                var app = APP_TIME.matcher(session.getString("serverTiming"));
                if (app.find()) {
                    BY_NAME.computeIfAbsent(name + " (server)", key -> new Samples())
                            .add((int) Math.round(Double.parseDouble(app.group(1))));
                }
            }
            int status = session.contains("answerStatus") ? session.getInt("answerStatus") : 0;
            ANSWERS.computeIfAbsent(name, key -> new ConcurrentHashMap<>())
                    .computeIfAbsent(status, key -> new LongAdder())
                    .increment();
            return session.remove("responseTime").remove("answerStatus").remove("serverTiming");
        });
    }

    /** How many answers of {@code name} had this status so far. */
    static long answers(String name, int status) {
        var counts = ANSWERS.get(name);
        var count = counts == null ? null : counts.get(status);
        return count == null ? 0 : count.sum();
    }

    static long count(String name) {
        var samples = BY_NAME.get(name);
        return samples == null ? 0 : samples.count();
    }

    static void print() {
        BY_NAME.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> System.out.println(entry.getValue().line(entry.getKey())));
        ANSWERS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            var line = new StringBuilder("FIGURES name=\"" + entry.getKey() + " answers\"");
            new TreeMap<>(entry.getValue())
                    .forEach((status, count) ->
                            line.append(" s").append(status).append('=').append(count.sum()));
            System.out.println(line);
        });
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
