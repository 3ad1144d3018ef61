package org.boxoffice.loadtest.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencySamplesTest {

    @Test
    void nearestRankPercentilesOfOneToAHundred() {
        long[] sorted = LongStream.rangeClosed(1, 100).toArray();

        assertThat(LatencySamples.percentile(sorted, 50)).isEqualTo(50);
        assertThat(LatencySamples.percentile(sorted, 95)).isEqualTo(95);
        assertThat(LatencySamples.percentile(sorted, 99)).isEqualTo(99);
        assertThat(LatencySamples.percentile(sorted, 100)).isEqualTo(100);
    }

    @Test
    void percentileIsAlwaysAMeasuredValue() {
        long[] sorted = {10, 20, 30, 40};

        assertThat(LatencySamples.percentile(sorted, 50)).isEqualTo(20);
        assertThat(LatencySamples.percentile(sorted, 51)).isEqualTo(30);
        assertThat(LatencySamples.percentile(sorted, 99)).isEqualTo(40);
        assertThat(LatencySamples.percentile(sorted, 0.1)).isEqualTo(10);
    }

    @Test
    void oneSampleIsEveryPercentile() {
        long[] sorted = {7};

        assertThat(LatencySamples.percentile(sorted, 50)).isEqualTo(7);
        assertThat(LatencySamples.percentile(sorted, 99)).isEqualTo(7);
    }

    @Test
    void refusesNoSamplesAndPercentsOutOfRange() {
        assertThatThrownBy(() -> LatencySamples.percentile(new long[0], 50))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencySamples.percentile(new long[] {1}, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencySamples.percentile(new long[] {1}, 101))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void summarySortsAndReportsMilliseconds() {
        var samples = new LatencySamples();
        // 2,000 samples in reverse order, to make the array grow and the sort matter.
        for (long micros = 2_000_000; micros > 0; micros -= 1_000) {
            samples.record(micros);
        }

        var summary = samples.summary();

        assertThat(summary.count()).isEqualTo(2_000);
        assertThat(summary.p50()).isEqualTo(1_000.0);
        assertThat(summary.p95()).isEqualTo(1_900.0);
        assertThat(summary.p99()).isEqualTo(1_980.0);
        assertThat(summary.max()).isEqualTo(2_000.0);
    }

    @Test
    void emptySummaryIsAllZero() {
        assertThat(new LatencySamples().summary()).isEqualTo(new LatencySamples.LatencySummary(0, 0, 0, 0, 0));
    }

    @Test
    void millisecondsKeepTheirFraction() {
        var samples = new LatencySamples();
        samples.recordMillis(12.3);

        assertThat(samples.summary().p50()).isEqualTo(12.3);
    }
}
