package org.boxoffice.loadtest.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServerTimingTest {

    @Test
    void readsAppAndProviderDurations() {
        var timing = ServerTiming.parse(List.of("app;dur=12.3, provider;dur=1534.2"));

        assertThat(timing.app()).hasValue(12.3);
        assertThat(timing.provider()).hasValue(1534.2);
    }

    @Test
    void anAbsentHeaderHasNoFigures() {
        var timing = ServerTiming.parse(List.of());

        assertThat(timing).isSameAs(ServerTiming.NONE);
        assertThat(timing.app()).isEmpty();
        assertThat(timing.provider()).isEmpty();
    }

    @Test
    void metricsMaySpreadOverSeveralHeaderLines() {
        var timing = ServerTiming.parse(List.of("app;dur=3", "provider;dur=250"));

        assertThat(timing.app()).hasValue(3.0);
        assertThat(timing.provider()).hasValue(250.0);
    }

    @Test
    void toleratesDescriptionsQuotesCaseAndSpacing() {
        var timing = ServerTiming.parse(List.of(" APP ; desc=\"own time\" ; DUR = \"4.5\" ,provider;dur=0"));

        assertThat(timing.app()).hasValue(4.5);
        assertThat(timing.provider()).hasValue(0.0);
    }

    @Test
    void ignoresWhatItCannotRead() {
        var timing =
                ServerTiming.parse(List.of("app;dur=fast, provider, ;dur=3, db;dur=-1, cache;dur=NaN, total;dur=7"));

        assertThat(timing.app()).isEmpty();
        assertThat(timing.provider()).isEmpty();
        assertThat(timing.durationsMillis()).containsOnlyKeys("total");
    }

    @Test
    void theFirstValueOfARepeatedMetricCounts() {
        assertThat(ServerTiming.parse(List.of("app;dur=1, app;dur=2")).app()).hasValue(1.0);
    }
}
