package org.boxoffice.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.boxoffice.platform.Money;
import org.junit.jupiter.api.Test;

class RecentSalesReportsTest {

    private final SettableClock clock = new SettableClock();
    private final RecentSalesReports recent =
            new RecentSalesReports(new AnalyticsSettings(Duration.ofSeconds(1), 1000), clock);
    private final UUID event = UUID.randomUUID();
    private final AtomicInteger computations = new AtomicInteger();

    @Test
    void aReportIsReusedWithinItsSecondAndComputedAgainAfter() {
        var first = recent.get(event, this::compute);
        clock.advance(Duration.ofMillis(999));
        var second = recent.get(event, this::compute);
        clock.advance(Duration.ofMillis(1));
        var third = recent.get(event, this::compute);

        assertThat(second).isSameAs(first);
        assertThat(third).isNotSameAs(first);
        assertThat(computations).hasValue(2);
    }

    @Test
    void manyReadersAtOnceWaitForOneComputation() throws Exception {
        var readers = new ArrayList<Callable<SalesReport>>();
        for (int i = 0; i < 100; i++) {
            readers.add(() -> recent.get(event, this::computeSlowly));
        }
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var reports = new ArrayList<SalesReport>();
            for (var report : pool.invokeAll(readers)) {
                reports.add(report.get());
            }
            assertThat(reports).allSatisfy(report -> assertThat(report).isSameAs(reports.getFirst()));
        }
        assertThat(computations).hasValue(1);
    }

    @Test
    void eachEventHasItsOwnReport() {
        recent.get(event, this::compute);
        recent.get(UUID.randomUUID(), this::compute);

        assertThat(computations).hasValue(2);
    }

    @Test
    void aFailedComputationIsNotKept() {
        assertThatThrownBy(() -> recent.get(event, () -> {
                    throw new IllegalStateException("database down");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("database down");

        recent.get(event, this::compute);

        assertThat(computations).hasValue(1);
    }

    private SalesReport compute() {
        computations.incrementAndGet();
        var none = Money.zero("KZT");
        return new SalesReport(event, List.of(), new SalesReport.Totals(0, 0, 0, 0, none), List.of());
    }

    private SalesReport computeSlowly() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return compute();
    }

    private static final class SettableClock extends Clock {

        private Instant now = Instant.parse("2026-05-01T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
