package org.boxoffice.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PacingTest {

    private final Pacing middle = new Pacing(Duration.ofSeconds(60), 1.0, 250, () -> 0.5);

    @Test
    void aBuyerIsAskedBackAboutWhenTheirTurnShouldCome() {
        assertThat(middle.waiting(1, 100, 10_000)).isEqualTo(1);
        assertThat(middle.waiting(1_000, 100, 10_000)).isEqualTo(10);
        assertThat(middle.waiting(3_000, 100, 10_000)).isEqualTo(30);
    }

    @Test
    void theBackOfAShortLineAsksAtLeastEveryLongestPoll() {
        assertThat(middle.waiting(10_000, 100, 10_000)).isEqualTo(60);
    }

    @Test
    void theBackOfALongLineWaitsLongerSoThatItKeepsToTheBudget() {
        assertThat(middle.longest(15_000)).isEqualTo(60);
        assertThat(middle.longest(100_000)).isEqualTo(400);
        assertThat(middle.waiting(100_000, 100, 100_000)).isEqualTo(400);
        assertThat(middle.longest(10_000_000)).isEqualTo(Pacing.LONGEST_EVER_SECONDS);
    }

    @Test
    void theJitterIsATenthEitherWay() {
        var soonest = new Pacing(Duration.ofSeconds(600), 1.0, 250, () -> 0.0);
        var latest = new Pacing(Duration.ofSeconds(600), 1.0, 250, () -> 0.999);

        assertThat(soonest.waiting(10_000, 100, 10_000)).isEqualTo(90);
        assertThat(latest.waiting(10_000, 100, 10_000)).isEqualTo(110);
    }

    @Test
    void theWaitBetweenPollsGrowsWithTheDistanceFromTheFront() {
        int previous = 0;
        for (long ahead = 1; ahead <= 100_000; ahead *= 10) {
            int poll = middle.waiting(ahead, 50, 100_000);
            assertThat(poll).isGreaterThanOrEqualTo(previous);
            previous = poll;
        }
    }

    @Test
    void theEarlyCrowdComesBackJustAfterTheOpeningSpreadOverAFewSeconds() {
        var soonest = new Pacing(Duration.ofSeconds(60), 1.0, 250, () -> 0.0);
        var latest = new Pacing(Duration.ofSeconds(60), 1.0, 250, () -> 0.999);

        assertThat(soonest.beforeOpening(Duration.ofSeconds(10), 100)).isEqualTo(10);
        assertThat(latest.beforeOpening(Duration.ofSeconds(10), 100)).isEqualTo(15);
        assertThat(soonest.beforeOpening(Duration.ofHours(1), 100)).isEqualTo(60);
        assertThat(soonest.beforeOpening(Duration.ZERO, 100)).isEqualTo(1);
    }

    @Test
    void aLargeEarlyCrowdIsSpreadOverUpToTwoMinutesPastTheOpening() {
        var latest = new Pacing(Duration.ofSeconds(60), 1.0, 250, () -> 0.999);

        assertThat(latest.beforeOpening(Duration.ofSeconds(10), 20_000)).isEqualTo(50);
        assertThat(latest.beforeOpening(Duration.ofSeconds(10), 100_000)).isEqualTo(130);
    }

    /**
     * 100,000 people take their first look over two minutes while the front moves 150 a second;
     * each comes back when asked, until admitted. Counted over the sale after the first looks:
     * about twice the rate plus the budget, and about three looks per person (the first, one when
     * their turn should come, one more if that was a little early).
     */
    @Test
    void aHundredThousandWaitingPollAtAboutTwiceTheRatePlusTheBudget() {
        int people = 100_000;
        double rate = 150;
        var random = new Random(7);
        var pacing = new Pacing(Duration.ofSeconds(120), 1.0, 250, random::nextDouble);
        var polls = new PriorityQueue<double[]>((a, b) -> Double.compare(a[0], b[0]));
        for (int place = 0; place < people; place++) {
            polls.add(new double[] {random.nextDouble() * 120, place});
        }
        long total = 0;
        long counted = 0;
        double saleEnds = people / rate;
        while (!polls.isEmpty()) {
            var poll = polls.poll();
            double at = poll[0];
            total++;
            if (at >= 120 && at < saleEnds) {
                counted++;
            }
            double ahead = poll[1] - rate * at;
            if (ahead >= 0) {
                long waiting = (long) (people - rate * at);
                polls.add(new double[] {at + pacing.waiting((long) ahead + 1, rate, waiting), poll[1]});
            }
        }

        assertThat(counted / (saleEnds - 120)).isBetween(rate, 2 * rate + 250);
        assertThat((double) total / people).isLessThan(3.5);
    }

    @Test
    void theExpectedWaitIsTheDistanceOverTheRate() {
        assertThat(Pacing.expectedWait(250, 100)).isEqualTo(3);
        assertThat(Pacing.expectedWait(0, 100)).isZero();
    }
}
