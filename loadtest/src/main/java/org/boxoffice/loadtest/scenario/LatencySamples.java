package org.boxoffice.loadtest.scenario;

import java.util.Arrays;

/**
 * Every latency of one kind, kept exactly (in microseconds) so that percentiles are exact rather
 * than bucketed. A run makes some tens of thousands of calls, a few hundred kilobytes of samples;
 * a recorder the size of a Gatling run would use a bucketed histogram instead.
 */
final class LatencySamples {

    private long[] micros = new long[1024];
    private int size;

    synchronized void record(long valueMicros) {
        if (size == micros.length) {
            micros = Arrays.copyOf(micros, size * 2);
        }
        micros[size++] = valueMicros;
    }

    void recordMillis(double millis) {
        record(Math.round(millis * 1000));
    }

    synchronized int count() {
        return size;
    }

    LatencySummary summary() {
        long[] sorted;
        synchronized (this) {
            sorted = Arrays.copyOf(micros, size);
        }
        Arrays.sort(sorted);
        return LatencySummary.of(sorted);
    }

    /** Count and percentiles in milliseconds; all zero when nothing was recorded. */
    record LatencySummary(int count, double p50, double p95, double p99, double max) {

        static LatencySummary of(long[] sortedMicros) {
            if (sortedMicros.length == 0) {
                return new LatencySummary(0, 0, 0, 0, 0);
            }
            return new LatencySummary(
                    sortedMicros.length,
                    millis(percentile(sortedMicros, 50)),
                    millis(percentile(sortedMicros, 95)),
                    millis(percentile(sortedMicros, 99)),
                    millis(sortedMicros[sortedMicros.length - 1]));
        }

        private static double millis(long micros) {
            return micros / 1000.0;
        }
    }

    /**
     * The nearest-rank percentile: the smallest sample such that at least {@code percent}% of all
     * samples are at or below it. It is always a value that was measured, never an interpolation.
     */
    static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must be in (0, 100], got " + percent);
        }
        // Multiply before dividing: 95 * n is exact, 0.95 * n is not, and ceil() would notice.
        int rank = (int) Math.ceil(percent * sorted.length / 100.0);
        return sorted[Math.max(rank, 1) - 1];
    }
}
