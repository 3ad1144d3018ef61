package org.boxoffice.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdmissionSummaryTest {

    private static AdmissionSummary.Run run(int idleP99, int rushP99, int rejected) {
        return AdmissionSummary.Run.parse(List.of(
                "FIGURES sim=baseline name=\"checkin keys\" count=100 seconds=10.0 rate=10000.0 p50=1 p95=2 p99=5 max=9",
                "FIGURES sim=isolation-off name=\"neighbour hold (idle)\" count=50 seconds=20 rate=2.5 p50=5 p95=8 p99="
                        + idleP99 + " max=40",
                "FIGURES sim=isolation-off name=\"neighbour hold (rush)\" count=50 seconds=20 rate=2.5 p50=9 p95=20 p99="
                        + rushP99 + " max=90",
                "FIGURES sim=isolation-off name=\"neighbour hold (rush) answers\" s201=48 s429=" + rejected,
                "FIGURES sim=isolation-off name=\"hold answers\" s201=900 s429=1",
                "FIGURES sim=isolation-off name=\"result\" status=OK",
                "FIGURES sim=isolation-off name=\"cpu\" samples=10 server=100 postgres=30 redis=5 loadgen=15 other=40",
                "not a figures line"));
    }

    @Test
    void theIsolationGoalIsJudgedOnTheMedianOfEachRunsRushOverIdleRatio() {
        // Ratios 1.5, 3.0 and 1.8: the median 1.8 meets "≤ 2 × idle" with the waiting room off.
        var summary = AdmissionSummary.summary(List.of(run(10, 15, 0), run(10, 30, 0), run(10, 18, 0)));

        assertThat(summary).contains("goal: other event's hold p99 ≤ 2.0 × idle: median 1.80 → met");
    }

    @Test
    void aMedianAboveTheGoalIsNotMet() {
        var summary = AdmissionSummary.summary(List.of(run(10, 25, 0), run(10, 30, 0), run(10, 18, 0)));

        assertThat(summary).contains("goal: other event's hold p99 ≤ 2.0 × idle: median 2.50 → NOT met");
    }

    @Test
    void aMeasurementThatDidNotRunSaysSoInsteadOfAVerdict() {
        var summary = AdmissionSummary.summary(List.of(run(10, 15, 0)));

        assertThat(summary).contains("goal: admitted buyers' hold p99 < 200 ms: median - → not measured");
        assertThat(summary).contains("goal: other event's hold p99 ≤ 1.5 × idle: median - → not measured");
    }

    @Test
    void refusalsAreCountedOverEveryRequestOfTheSimulation() {
        var run = run(10, 15, 2);

        assertThat(run.answers("isolation-off", 429)).isEqualTo(3);
        assertThat(run.answers("queue", 429)).isNaN();
    }

    @Test
    void postgresShareIsItsPartOfTheFourProcessGroupsOfTheBenchmark() {
        var summary = AdmissionSummary.summary(List.of(run(10, 15, 0)));

        // 30 of 100 + 30 + 5 + 15 = 150.
        assertThat(summary).containsPattern("1     isolation-off +100 +30 +5 +15 +40 +0.20");
    }

    @Test
    void fewerHoldsThanAdmissionsAreNoted() {
        var run = AdmissionSummary.Run.parse(List.of(
                "FIGURES sim=queue name=\"admitted hold\" count=30 seconds=30.0 rate=1.0 p50=5 p95=8 p99=9 max=9",
                "FIGURES sim=queue name=\"admission\" admitPerSecond=300 seconds=30 admittedHolds=30"));

        assertThat(AdmissionSummary.summary(List.of(run))).contains("note: holds/s is 0.00 × admit/s");
    }

    @Test
    void theMedianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo() {
        assertThat(AdmissionSummary.median(List.of(4.0, 1.0, Double.NaN, 3.0, 2.0)))
                .isEqualTo(2.5);
    }
}
