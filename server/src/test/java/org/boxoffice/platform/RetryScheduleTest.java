package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Duration PLENTY = Duration.ofMinutes(1);

    private final RetrySchedule schedule =
            RetrySchedule.of(new RetrySettings(Duration.ofMillis(200), 2, Duration.ofSeconds(2), 0.5, 20));

    @Test
    void waitsGrowExponentiallyWithJitter() {
        for (int i = 0; i < 200; i++) {
            assertThat(schedule.waitBefore(1, PLENTY).toMillis()).isBetween(100L, 300L);
            assertThat(schedule.waitBefore(2, PLENTY).toMillis()).isBetween(200L, 600L);
            assertThat(schedule.waitBefore(3, PLENTY).toMillis()).isBetween(400L, 1200L);
        }
    }

    @Test
    void waitsAreJitteredNotFixed() {
        var waits = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> schedule.waitBefore(3, PLENTY))
                .distinct()
                .count();
        assertThat(waits).isGreaterThan(10);
    }

    @Test
    void noWaitGrowsPastTheLongest() {
        for (int retry = 1; retry < 20; retry++) {
            assertThat(schedule.waitBefore(retry, PLENTY)).isLessThanOrEqualTo(Duration.ofSeconds(3));
        }
    }

    @Test
    void aWaitLeavesRoomForALastCallBeforeTheDeadline() {
        var fixed = new RetrySchedule(IntervalFunction.of(Duration.ofSeconds(5)), Duration.ofMillis(200));

        assertThat(fixed.waitBefore(1, Duration.ofSeconds(1))).isEqualTo(Duration.ofMillis(800));
        assertThat(fixed.waitBefore(1, Duration.ofMillis(150))).isEqualTo(Duration.ZERO);
        assertThat(fixed.waitBefore(1, Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aCallMayTakeTheReadTimeoutOrWhatIsLeftWhicheverIsShorter() {
        var read = Duration.ofSeconds(4);

        assertThat(schedule.nextCall(read, Duration.ofSeconds(10))).contains(read);
        assertThat(schedule.nextCall(read, Duration.ofMillis(1500))).contains(Duration.ofMillis(1500));
        assertThat(schedule.nextCall(read, Duration.ofMillis(100))).isEmpty();
    }

    @Test
    void theDeadlineCountsDownAndStopsAtZero() {
        var now = new AtomicLong(1_000);
        var deadline = Deadline.after(Duration.ofSeconds(10), now::get);

        now.addAndGet(Duration.ofSeconds(3).toNanos());
        assertThat(deadline.remaining()).isEqualTo(Duration.ofSeconds(7));
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(deadline.remaining()).isEqualTo(Duration.ZERO);
    }
}
