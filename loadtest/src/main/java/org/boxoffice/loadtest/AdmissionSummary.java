package org.boxoffice.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * Prints the figures of a {@code loadtest/admission-benchmark} run: per measurement one line per
 * run, the medians, and each goal of issue 11 against the median. Reads the {@code FIGURES} lines
 * (tagged {@code sim=<simulation>}) in {@code <work>/run-<n>/figures.txt}. A figure that was not
 * measured prints as a dash; a goal whose figures are missing says so.
 *
 * <p>{@code java loadtest/src/main/java/org/boxoffice/loadtest/AdmissionSummary.java <work>}
 */
public final class AdmissionSummary {

    private static final Pattern FIELD = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)");

    private AdmissionSummary() {}

    public static void main(String[] args) throws IOException {
        var work = Path.of(args[0]);
        var runs = new ArrayList<Run>();
        for (int n = 1; Files.exists(work.resolve("run-" + n + "/figures.txt")); n++) {
            runs.add(Run.read(work.resolve("run-" + n + "/figures.txt")));
        }
        System.out.print(summary(runs));
    }

    /** The whole summary of these runs, as printed. */
    static String summary(List<Run> runs) {
        var out = new StringBuilder();
        for (var mode : List.of("off", "on")) {
            var sim = "isolation-" + mode;
            double goal = mode.equals("off") ? 2.0 : 1.5;
            var table = new Table(
                    "Isolation, the stadium's waiting room " + mode + " (other event's hold and detail; ms)",
                    sim,
                    List.of(
                            new Column("hold idle50", run -> run.value(sim, "neighbour hold (idle)", "p50")),
                            new Column("hold idle99", run -> run.value(sim, "neighbour hold (idle)", "p99")),
                            new Column("hold rush50", run -> run.value(sim, "neighbour hold (rush)", "p50")),
                            new Column("hold rush99", run -> run.value(sim, "neighbour hold (rush)", "p99")),
                            new Column("hold p99 ×", run -> ratio(run, sim, "neighbour hold", "p99")),
                            new Column("det idle50", run -> run.value(sim, "neighbour detail (idle)", "p50")),
                            new Column("det idle99", run -> run.value(sim, "neighbour detail (idle)", "p99")),
                            new Column("det rush50", run -> run.value(sim, "neighbour detail (rush)", "p50")),
                            new Column("det rush99", run -> run.value(sim, "neighbour detail (rush)", "p99")),
                            new Column("det p99 ×", run -> ratio(run, sim, "neighbour detail", "p99")),
                            new Column("sale holds/s", run -> run.value(sim, "hold", "rate")),
                            new Column("sale p99", run -> run.value(sim, "hold", "p99")),
                            new Column("sold out s", run -> positive(run.value(sim, "sell out", "seconds"))),
                            new Column("429s", run -> run.answers(sim, 429))));
            table.print(runs, out);
            goal(out, "other event's hold p99 ≤ " + goal + " × idle", table.median(runs, 4), value -> value <= goal);
            goal(out, "other event's detail p99 ≤ " + goal + " × idle", table.median(runs, 9), value -> value <= goal);
        }

        var queue = new Table(
                "Waiting room at scale (rates per second, times in ms)",
                "queue",
                List.of(
                        new Column("baseline/s", AdmissionSummary::baseline),
                        new Column("joins/s", run -> run.value("queue", "join", "rate")),
                        new Column("join p99", run -> run.value("queue", "join", "p99")),
                        new Column("paced/s", run -> run.value("queue", "queue status (paced)", "rate")),
                        new Column("paced p99", run -> run.value("queue", "queue status (paced)", "p99")),
                        new Column("closed/s", run -> run.value("queue", "queue status (closed)", "rate")),
                        new Column(
                                "closed÷base",
                                run -> run.value("queue", "queue status (closed)", "rate") / baseline(run)),
                        new Column("closed p99", run -> run.value("queue", "queue status (closed)", "p99")),
                        new Column("admit/s", run -> run.value("queue", "admission", "admitPerSecond")),
                        new Column("holds", run -> run.value("queue", "admitted hold", "count")),
                        new Column("holds/s", run -> run.value("queue", "admitted hold", "rate")),
                        new Column("hold p50", run -> run.value("queue", "admitted hold", "p50")),
                        new Column("hold p95", run -> run.value("queue", "admitted hold", "p95")),
                        new Column("hold p99", run -> run.value("queue", "admitted hold", "p99")),
                        new Column("srv p99", run -> run.value("queue", "admitted hold (server)", "p99")),
                        new Column("429s", run -> run.answers("queue", 429))));
        queue.print(runs, out);
        goal(out, "closed status polls ≥ 0.5 × baseline", queue.median(runs, 6), value -> value >= 0.5);
        goal(out, "admitted buyers' hold p99 < 200 ms", queue.median(runs, 13), value -> value < 200);
        double admitted = queue.median(runs, 10) / queue.median(runs, 8);
        if (admitted < 0.5) {
            out.append(String.format(
                    Locale.ROOT,
                    "  note: holds/s is %.2f × admit/s: the server admitted fewer than asked, or the admitted"
                            + " did not get to hold (see queue.log)%n",
                    admitted));
        }

        var limits = new Table(
                "Rate limiter's cost: repeat queue join, limits on vs off (ms)",
                "limits-on",
                List.of(
                        new Column("on /s", run -> run.value("limits-on", "repeat join", "rate")),
                        new Column("on p50", run -> run.value("limits-on", "repeat join", "p50")),
                        new Column("on p99", run -> run.value("limits-on", "repeat join", "p99")),
                        new Column("off /s", run -> run.value("limits-off", "repeat join", "rate")),
                        new Column("off p50", run -> run.value("limits-off", "repeat join", "p50")),
                        new Column("off p99", run -> run.value("limits-off", "repeat join", "p99")),
                        new Column(
                                "on÷off /s",
                                run -> run.value("limits-on", "repeat join", "rate")
                                        / run.value("limits-off", "repeat join", "rate")),
                        new Column("429s on", run -> run.answers("limits-on", 429)),
                        new Column("429s off", run -> run.answers("limits-off", 429))));
        limits.print(runs, out);

        out.append("\nCPU per simulation (mean %CPU, 100 = one core of 2; pg share = postgres ÷ our four)\n");
        out.append(String.format(Locale.ROOT, "%-6s%-16s", "run", "simulation"));
        for (var name : List.of("server", "postgres", "redis", "loadgen", "other", "pg share")) {
            out.append(String.format(Locale.ROOT, "%13s", name));
        }
        out.append('\n');
        for (int n = 0; n < runs.size(); n++) {
            var run = runs.get(n);
            for (var sim : run.simulations()) {
                if (run.text(sim, "cpu", "samples").equals("-")) {
                    continue;
                }
                out.append(String.format(Locale.ROOT, "%-6s%-16s", n + 1, sim));
                double ours = 0;
                for (var group : List.of("server", "postgres", "redis", "loadgen")) {
                    ours += run.value(sim, "cpu", group);
                }
                for (var group : List.of("server", "postgres", "redis", "loadgen", "other")) {
                    out.append(format(run.value(sim, "cpu", group)));
                }
                out.append(format(ours == 0 ? Double.NaN : run.value(sim, "cpu", "postgres") / ours));
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** The rush p99 over the idle p99 of one request of the isolation simulation. */
    private static double ratio(Run run, String sim, String request, String field) {
        return run.value(sim, request + " (rush)", field) / run.value(sim, request + " (idle)", field);
    }

    /** Zero means "not reached" (the sale did not sell out within its bound). */
    private static double positive(double value) {
        return value > 0 ? value : Double.NaN;
    }

    private static double baseline(Run run) {
        return run.value("baseline", "checkin keys", "rate");
    }

    private static void goal(StringBuilder out, String goal, double median, java.util.function.DoublePredicate met) {
        String verdict = Double.isNaN(median) ? "not measured" : (met.test(median) ? "met" : "NOT met");
        out.append(String.format(
                Locale.ROOT,
                "  goal: %s: median %s → %s%n",
                goal,
                format(median).strip(),
                verdict));
    }

    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.format(Locale.ROOT, "%13s", "-");
        }
        boolean whole = value == Math.rint(value);
        return String.format(Locale.ROOT, Math.abs(value) < 10 && !whole ? "%13.2f" : "%13.0f", value);
    }

    static double median(List<Double> values) {
        var sorted = values.stream()
                .filter(value -> !Double.isNaN(value) && !Double.isInfinite(value))
                .sorted()
                .toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private record Column(String name, ToDoubleFunction<Run> value) {

        double of(Run run) {
            return value.applyAsDouble(run);
        }
    }

    /** One measurement: a line per run (with the simulation's result), then the medians. */
    private record Table(String title, String resultOf, List<Column> columns) {

        void print(List<Run> runs, StringBuilder out) {
            out.append('\n').append(title).append(" — ").append(runs.size()).append(" run(s)\n");
            out.append(String.format(Locale.ROOT, "%-8s", "run"));
            columns.forEach(column -> out.append(String.format(Locale.ROOT, "%13s", column.name())));
            out.append(String.format(Locale.ROOT, "  %s%n", "result"));
            for (int n = 0; n < runs.size(); n++) {
                var run = runs.get(n);
                out.append(String.format(Locale.ROOT, "%-8s", n + 1));
                columns.forEach(column -> out.append(format(column.of(run))));
                out.append("  ").append(run.text(resultOf, "result", "status")).append('\n');
            }
            out.append(String.format(Locale.ROOT, "%-8s", "median"));
            for (int i = 0; i < columns.size(); i++) {
                out.append(format(median(runs, i)));
            }
            out.append('\n');
        }

        double median(List<Run> runs, int column) {
            return AdmissionSummary.median(
                    runs.stream().map(columns.get(column)::of).toList());
        }
    }

    /** The FIGURES lines of one run, by simulation and name. */
    record Run(Map<String, Map<String, String>> lines, List<String> simulations) {

        static Run read(Path figures) throws IOException {
            return parse(Files.readAllLines(figures));
        }

        static Run parse(List<String> text) {
            var lines = new HashMap<String, Map<String, String>>();
            var simulations = new ArrayList<String>();
            for (var line : text) {
                if (!line.startsWith("FIGURES")) {
                    continue;
                }
                var fields = new HashMap<String, String>();
                var matcher = FIELD.matcher(line);
                while (matcher.find()) {
                    fields.put(matcher.group(1), matcher.group(2).replace("\"", ""));
                }
                var sim = fields.getOrDefault("sim", "-");
                if (!simulations.contains(sim)) {
                    simulations.add(sim);
                }
                lines.put(sim + "/" + fields.get("name"), fields);
            }
            return new Run(lines, simulations);
        }

        double value(String sim, String name, String field) {
            var text = text(sim, name, field);
            if (text.equals("-")) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        String text(String sim, String name, String field) {
            return lines.getOrDefault(sim + "/" + name, Map.of()).getOrDefault(field, "-");
        }

        /** Answers with this status over every request of the simulation; a dash if it did not run. */
        double answers(String sim, int status) {
            if (!simulations.contains(sim)) {
                return Double.NaN;
            }
            double total = 0;
            for (var entry : lines.entrySet()) {
                if (entry.getKey().startsWith(sim + "/") && entry.getKey().endsWith(" answers")) {
                    total += Double.parseDouble(entry.getValue().getOrDefault("s" + status, "0"));
                }
            }
            return total;
        }
    }
}
