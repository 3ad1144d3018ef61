package org.boxoffice.loadtest.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The durations of a {@code Server-Timing} header, such as {@code app;dur=12.3,
 * provider;dur=1534.2} (milliseconds). {@code provider} is time the server spent waiting for the
 * airline or payment provider, {@code app} everything else: the server's own cost.
 *
 * <p>Parsing is lenient on purpose: a missing, partial or malformed header must never fail a
 * request in a load test, it only means there is no figure to report.
 */
record ServerTiming(Map<String, Double> durationsMillis) {

    static final ServerTiming NONE = new ServerTiming(Map.of());

    ServerTiming {
        durationsMillis = Map.copyOf(durationsMillis);
    }

    OptionalDouble app() {
        return duration("app");
    }

    OptionalDouble provider() {
        return duration("provider");
    }

    OptionalDouble duration(String metric) {
        var value = durationsMillis.get(metric);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /** All values of the header (it may be sent more than once), in order. */
    static ServerTiming parse(List<String> headerValues) {
        var durations = new LinkedHashMap<String, Double>();
        for (var headerValue : headerValues) {
            for (var metric : headerValue.split(",")) {
                readMetric(metric, durations);
            }
        }
        return durations.isEmpty() ? NONE : new ServerTiming(durations);
    }

    private static void readMetric(String metric, Map<String, Double> durations) {
        var parts = metric.split(";");
        var name = parts[0].strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            return;
        }
        for (int i = 1; i < parts.length; i++) {
            var parameter = parts[i].strip();
            var equals = parameter.indexOf('=');
            if (equals < 0 || !parameter.substring(0, equals).strip().equalsIgnoreCase("dur")) {
                continue;
            }
            var value = unquote(parameter.substring(equals + 1).strip());
            try {
                var millis = Double.parseDouble(value);
                if (Double.isFinite(millis) && millis >= 0) {
                    durations.putIfAbsent(name, millis);
                }
            } catch (NumberFormatException ignored) {
                // A malformed figure is as good as none.
            }
            return;
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
