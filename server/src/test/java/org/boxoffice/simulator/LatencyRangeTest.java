package org.boxoffice.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyRangeTest {

    @Test
    void readsTheWrittenForms() {
        assertThat(LatencyRange.of("250ms-3000ms"))
                .isEqualTo(new LatencyRange(Duration.ofMillis(250), Duration.ofSeconds(3)));
        assertThat(LatencyRange.of("5s-20s"))
                .isEqualTo(new LatencyRange(Duration.ofSeconds(5), Duration.ofSeconds(20)));
        assertThat(LatencyRange.of("10ms")).isEqualTo(LatencyRange.fixed(Duration.ofMillis(10)));
        assertThat(LatencyRange.of(" 1m - 2m "))
                .isEqualTo(new LatencyRange(Duration.ofMinutes(1), Duration.ofMinutes(2)));
    }

    @Test
    void refusesWhatIsNotARange() {
        assertThatThrownBy(() -> LatencyRange.of("fast")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencyRange.of("3000ms-250ms")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void picksWithinTheRangeAndCoversIt() {
        var range = LatencyRange.of("250ms-3000ms");
        var random = new Random(7);
        var picks = java.util.stream.IntStream.range(0, 2000)
                .mapToObj(i -> range.pick(random))
                .toList();
        assertThat(picks).allSatisfy(pick -> assertThat(pick).isBetween(range.min(), range.max()));
        assertThat(picks.stream().anyMatch(pick -> pick.toMillis() < 500)).isTrue();
        assertThat(picks.stream().anyMatch(pick -> pick.toMillis() > 2750)).isTrue();
    }

    @Test
    void writesItselfTheWayItIsRead() {
        assertThat(LatencyRange.of(LatencyRange.of("5s-20s").toString())).isEqualTo(LatencyRange.of("5s-20s"));
    }
}
