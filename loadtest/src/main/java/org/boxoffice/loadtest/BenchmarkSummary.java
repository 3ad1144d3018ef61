package org.boxoffice.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Prints the figures of a {@code loadtest/benchmark} run: one line per run and the medians per
 * hold mode, with the ratios against the baseline of the same run and the flash sale's CPU per
 * process group (server JVM, PostgreSQL, load generator: mean %CPU, and milliseconds per hold held),
 * and the holds of the two smaller sales after it: 2 buyers on a quiet server ({@code quiet}) and
 * 100 buyers in a closed loop ({@code hundred}); then the live streams: how many opened, how many
 * showed the one hold, the slowest of them (ms from sending the hold) and the server's RSS (MiB)
 * with all of them open. Reads the {@code FIGURES} lines the simulations
 * wrote to {@code <work>/<mode>-<run>/figures.txt}.
 *
 * <p>{@code java loadtest/src/main/java/org/boxoffice/loadtest/BenchmarkSummary.java <work> <mode>...}
 */
public final class BenchmarkSummary {

    private static final Pattern FIELD = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)");

    /** The columns: a name and where its value comes from. */
    private static final List<Column> COLUMNS = List.of(
            new Column("baseline/s", run -> run.value("baseline", "checkin keys", "rate")),
            new Column("detail/s", run -> run.value("detail", "event detail", "rate")),
            new Column(
                    "detail÷base",
                    run -> run.value("detail", "event detail", "rate") / run.value("baseline", "checkin keys", "rate")),
            new Column("detail p99", run -> run.value("detail", "event detail", "p99")),
            new Column(
                    "seats/s",
                    run -> run.value("seats", "seat map", "rate")
                            + run.value("seats", "seat map, If-None-Match", "rate")),
            new Column("sell-out s", run -> run.value("flash", "sell out", "seconds")),
            new Column("tickets/s", run -> run.value("flash", "sell out", "ticketRate")),
            new Column("holds/s", run -> run.value("flash", "hold", "rate")),
            new Column(
                    "holds÷base",
                    run -> run.value("flash", "hold", "rate") / run.value("baseline", "checkin keys", "rate")),
            new Column("hold p50", run -> run.value("flash", "hold", "p50")),
            new Column("hold p95", run -> run.value("flash", "hold", "p95")),
            new Column("hold p99", run -> run.value("flash", "hold", "p99")),
            new Column("group", run -> run.value("server", "groups", "holds") / run.value("server", "groups", "count")),
            new Column(
                    "stmts/hold",
                    run -> run.value("server", "statements", "calls") / run.value("flash", "hold", "count")),
            new Column(
                    "stmts/group",
                    run -> run.value("server", "statements", "calls") / run.value("server", "groups", "count")),
            new Column(
                    "pg ms/hold",
                    run -> run.value("server", "statements", "execMs") / run.value("flash", "hold", "count")),
            new Column("jvm %", run -> run.value("flash", "cpu", "server")),
            new Column("pg %", run -> run.value("flash", "cpu", "postgres")),
            new Column("gen %", run -> run.value("flash", "cpu", "loadgen")),
            new Column("jvm ms/held", run -> cpuMillisPerHeld(run, "server")),
            new Column("pg ms/held", run -> cpuMillisPerHeld(run, "postgres")),
            new Column("RSS MiB", run -> run.value("server", "peak rss", "mib")),
            new Column("quiet p50", run -> run.value("quiet", "hold", "p50")),
            new Column("quiet p99", run -> run.value("quiet", "hold", "p99")),
            new Column("100 holds/s", run -> run.value("hundred", "hold", "rate")),
            new Column("100 p99", run -> run.value("hundred", "hold", "p99")),
            new Column("streams", run -> run.value("streams", "open", "count")),
            new Column("updated", run -> run.value("streams", "update", "count")),
            new Column("stream max", run -> run.value("streams", "update", "max")),
            new Column("stream RSS", run -> run.value("streams", "memory", "rss")));

    private BenchmarkSummary() {}

    public static void main(String[] args) throws IOException {
        var work = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            summarize(work, args[i]);
        }
    }

    private static void summarize(Path work, String mode) throws IOException {
        var runs = new ArrayList<Run>();
        for (int n = 1; Files.exists(work.resolve(mode + "-" + n + "/figures.txt")); n++) {
            runs.add(Run.read(work.resolve(mode + "-" + n + "/figures.txt")));
        }
        System.out.println();
        System.out.println("holds " + mode + " (" + runs.size() + " runs; times in ms)");
        System.out.print(String.format(Locale.ROOT, "%-8s", "run"));
        COLUMNS.forEach(column -> System.out.print(String.format(Locale.ROOT, "%12s", column.name())));
        System.out.println(String.format(Locale.ROOT, "%20s", "invariants"));
        for (int n = 0; n < runs.size(); n++) {
            print(String.valueOf(n + 1), runs.get(n), invariants(runs.get(n)));
        }
        var medians = new ArrayList<Double>();
        for (var column : COLUMNS) {
            medians.add(median(runs.stream().map(column::of).toList()));
        }
        System.out.print(String.format(Locale.ROOT, "%-8s", "median"));
        medians.forEach(value -> System.out.print(format(value)));
        System.out.println();
    }

    /**
     * CPU milliseconds of one process group per hold held during the sale: its mean %CPU from the
     * first hold to the sell-out (100 = one core) times that time, over the holds answered 201.
     */
    private static double cpuMillisPerHeld(Run run, String group) {
        double cores = run.value("flash", "cpu", group) / 100;
        return cores * run.value("flash", "sell out", "seconds") * 1000 / run.value("flash", "hold answers", "s201");
    }

    /** The audits' verdicts of the run's sales: the flash sale's, then the quiet and 100-buyer ones'. */
    private static String invariants(Run run) {
        return String.join(
                "/",
                List.of("flash", "quiet", "hundred").stream()
                        .map(sim -> run.text(sim, "sell out", "invariants"))
                        .filter(verdict -> !verdict.equals("-"))
                        .toList());
    }

    private static void print(String label, Run run, String invariants) {
        System.out.print(String.format(Locale.ROOT, "%-8s", label));
        COLUMNS.forEach(column -> System.out.print(format(column.of(run))));
        System.out.println(String.format(Locale.ROOT, "%20s", invariants));
    }

    private static String format(double value) {
        if (!Double.isFinite(value)) { // a figure missing, or a ratio over none (no groups)
            return String.format(Locale.ROOT, "%12s", "-");
        }
        return String.format(Locale.ROOT, value < 10 ? "%12.2f" : "%12.0f", value);
    }

    private static double median(List<Double> values) {
        var sorted =
                values.stream().filter(value -> !Double.isNaN(value)).sorted().toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private record Column(String name, java.util.function.ToDoubleFunction<Run> value) {

        double of(Run run) {
            return value.applyAsDouble(run);
        }
    }

    /** The FIGURES lines of one run, by simulation and name. */
    private record Run(Map<String, Map<String, String>> lines) {

        static Run read(Path figures) throws IOException {
            var lines = new HashMap<String, Map<String, String>>();
            for (var line : Files.readAllLines(figures)) {
                var fields = new HashMap<String, String>();
                var matcher = FIELD.matcher(line);
                while (matcher.find()) {
                    fields.put(matcher.group(1), matcher.group(2).replace("\"", ""));
                }
                lines.put(fields.get("sim") + "/" + fields.get("name"), fields);
            }
            return new Run(lines);
        }

        double value(String sim, String name, String field) {
            var text = text(sim, name, field);
            return text.equals("-") ? Double.NaN : Double.parseDouble(text);
        }

        String text(String sim, String name, String field) {
            return lines.getOrDefault(sim + "/" + name, Map.of()).getOrDefault(field, "-");
        }
    }
}
