package org.boxoffice.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EventLoadTest {

    private static final Duration SHED_AFTER = Duration.ofMillis(1500);
    private static final int MIN_DEPTH = 50;

    /** Monotonic nanoseconds that only the test moves. */
    private long now = 1_000_000_000L;

    private final EventLoad load = new EventLoad(now);

    @Test
    void aQuietEventIsNeverShedHoweverSlowItsHolds() {
        startHolds(MIN_DEPTH - 1);
        pass(Duration.ofSeconds(30));

        assertThat(load.tryStart(now, SHED_AFTER, MIN_DEPTH).admitted())
                .as("fewer holds in flight than the floor, none decided for 30 s")
                .isTrue();
        assertThat(load.inFlight()).isEqualTo(MIN_DEPTH);
    }

    @Test
    void aRushOnAnEventWithNoRateYetIsLetInUpToTheFloor() {
        startHolds(MIN_DEPTH);

        var refused = load.tryStart(now, SHED_AFTER, MIN_DEPTH);

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.expectedWait())
                .as("no rate yet: come back when there is one")
                .isEqualTo(SHED_AFTER);
        assertThat(load.inFlight()).as("a refused hold is not counted in").isEqualTo(MIN_DEPTH);
    }

    @Test
    void holdsAreLetInAsLongAsTheMeasuredRateDecidesThemWithinShedAfter() {
        drainAtAThousandPerSecond();

        startHolds(1500);

        assertThat(load.expectedWait()).isEqualTo(SHED_AFTER);
        var next = load.tryStart(now, SHED_AFTER, MIN_DEPTH);
        assertThat(next.admitted()).as("1,500 ahead at 1,000 a second: 1.5 s").isTrue();
        var refused = load.tryStart(now, SHED_AFTER, MIN_DEPTH);
        assertThat(refused.admitted()).as("1,501 ahead: more than 1.5 s").isFalse();
        assertThat(refused.expectedWait()).isGreaterThan(SHED_AFTER);
    }

    @Test
    void aDrainThatStallsIsShedWithinAboutTwoSeconds() {
        drainAtAThousandPerSecond();
        startHolds(600);
        assertThat(load.tryStart(now, SHED_AFTER, MIN_DEPTH).admitted())
                .as("600 at 1,000 a second")
                .isTrue();

        // Nothing is decided any more (a lock, a provider that stopped answering); new holds
        // keep arriving, every 100 ms.
        boolean shed = false;
        long stalledAt = now;
        while (!shed && now - stalledAt < Duration.ofSeconds(5).toNanos()) {
            pass(Duration.ofMillis(100));
            shed = !load.tryStart(now, SHED_AFTER, MIN_DEPTH).admitted();
        }

        assertThat(shed).isTrue();
        assertThat(Duration.ofNanos(now - stalledAt)).isLessThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(load.expectedWait()).isGreaterThan(SHED_AFTER);
    }

    @Test
    void timeWithNothingInFlightDoesNotLowerTheRate() {
        drainAtAThousandPerSecond();

        pass(Duration.ofHours(1));
        startHolds(1000);

        assertThat(load.perSecond()).isEqualTo(1000.0);
        assertThat(load.tryStart(now, SHED_AFTER, MIN_DEPTH).admitted()).isTrue();
        assertThat(load.expectedWait()).isEqualTo(Duration.ofMillis(1001));
    }

    @Test
    void aFasterDrainRaisesTheRateMostOfTheWayWithinASecond() {
        drainAtAThousandPerSecond();

        // Ten samples of 100 ms deciding 500 each: 5,000 a second.
        for (int sample = 0; sample < 10; sample++) {
            startHolds(500);
            pass(Duration.ofMillis(100));
            finishHolds(500);
        }
        now += EventLoad.SAMPLE_NANOS;
        load.tryStart(now, SHED_AFTER, MIN_DEPTH);

        assertThat(load.perSecond()).isBetween(3_000.0, 5_000.0);
    }

    /** Fifty holds, all in flight at once and decided 50 ms later: 1,000 a busy second. */
    private void drainAtAThousandPerSecond() {
        startHolds(MIN_DEPTH);
        pass(Duration.ofMillis(50));
        finishHolds(MIN_DEPTH);
        pass(Duration.ofMillis(50));
        load.tryStart(now, SHED_AFTER, MIN_DEPTH);
        load.finished(now, now);
        assertThat(load.perSecond()).isEqualTo(1000.0);
        assertThat(load.inFlight()).isZero();
    }

    private void startHolds(int count) {
        for (int i = 0; i < count; i++) {
            assertThat(load.tryStart(now, SHED_AFTER, MIN_DEPTH).admitted()).isTrue();
        }
    }

    private void finishHolds(int count) {
        for (int i = 0; i < count; i++) {
            load.finished(now, now);
        }
    }

    private void pass(Duration duration) {
        now += duration.toNanos();
    }
}
