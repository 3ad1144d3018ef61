package org.boxoffice.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * A range of durations drawn from uniformly, written {@code 250ms-3000ms}, {@code 5s-20s} or a
 * single {@code 10ms}.
 */
record LatencyRange(Duration min, Duration max) {

    private static final Pattern TEXT = Pattern.compile("(\\d+)(ms|s|m)(?:-(\\d+)(ms|s|m))?");

    LatencyRange {
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException(
                    "A latency range runs from a minimum up to a maximum: " + min + ", " + max);
        }
    }

    /** Parses the written form; Spring's binder finds this method by its name. */
    public static LatencyRange of(String text) {
        var matcher = TEXT.matcher(text.replace(" ", "").toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a latency range like 250ms-3000ms: " + text);
        }
        var min = duration(matcher.group(1), matcher.group(2));
        var max = matcher.group(3) == null ? min : duration(matcher.group(3), matcher.group(4));
        return new LatencyRange(min, max);
    }

    static LatencyRange fixed(Duration duration) {
        return new LatencyRange(duration, duration);
    }

    Duration pick(RandomGenerator random) {
        long span = max.toNanos() - min.toNanos();
        return span == 0 ? min : min.plusNanos(random.nextLong(span + 1));
    }

    @Override
    public String toString() {
        return min.toMillis() + "ms-" + max.toMillis() + "ms";
    }

    private static Duration duration(String amount, String unit) {
        long value = Long.parseLong(amount);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(value);
            case "s" -> Duration.ofSeconds(value);
            default -> Duration.ofMinutes(value);
        };
    }
}
