package org.boxoffice.loadtest.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

    @Test
    void oneLineSaysWhereTheRunStands() {
        var now = new Tally.Snapshot(10_000, 3_120, 1_000, 2_800, 120, 610, 2_400, 300, 40, 12, 200, 3, Map.of());

        assertThat(ProgressReporter.line(Duration.ofSeconds(35), now))
                .isEqualTo("[  35s] done 3120/10000, on their way 1000 | holds ok 2800, sold out 120, 503 610 |"
                        + " paid 2400, declines 300, pending 12 | cancelled 200 | errors 3");
    }
}
