package org.boxoffice.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PacingTest {

    private final Pacing middle = new Pacing(Duration.ofSeconds(60), 0.2, () -> 0.5);

    @Test
    void theFrontAsksEverySecondAndTheBackAtMostEveryMinute() {
        assertThat(middle.waiting(1, 100)).isEqualTo(1);
        assertThat(middle.waiting(1_000, 100)).isEqualTo(2);
        assertThat(middle.waiting(10_000, 100)).isEqualTo(20);
        assertThat(middle.waiting(100_000, 100)).isEqualTo(60);
    }

    @Test
    void theWaitBetweenPollsGrowsWithTheDistanceFromTheFront() {
        int previous = 0;
        for (long ahead = 1; ahead <= 100_000; ahead *= 10) {
            int poll = middle.waiting(ahead, 50);
            assertThat(poll).isGreaterThanOrEqualTo(previous);
            previous = poll;
        }
    }

    @Test
    void theEarlyCrowdComesBackJustAfterTheOpeningSpreadOverAFewSeconds() {
        var soonest = new Pacing(Duration.ofSeconds(60), 0.2, () -> 0.0);
        var latest = new Pacing(Duration.ofSeconds(60), 0.2, () -> 0.999);

        assertThat(soonest.beforeOpening(Duration.ofSeconds(10))).isEqualTo(10);
        assertThat(latest.beforeOpening(Duration.ofSeconds(10))).isEqualTo(15);
        assertThat(soonest.beforeOpening(Duration.ofHours(1))).isEqualTo(60);
        assertThat(soonest.beforeOpening(Duration.ZERO)).isEqualTo(1);
    }

    @Test
    void aHundredThousandWaitingPollAFewThousandTimesASecond() {
        double pollsPerSecond = 0;
        for (long ahead = 1; ahead <= 100_000; ahead++) {
            pollsPerSecond += 1.0 / middle.waiting(ahead, 100);
        }
        assertThat(pollsPerSecond).isBetween(1_000.0, 5_000.0);
    }

    @Test
    void theExpectedWaitIsTheDistanceOverTheRate() {
        assertThat(Pacing.expectedWait(250, 100)).isEqualTo(3);
        assertThat(Pacing.expectedWait(0, 100)).isZero();
    }
}
