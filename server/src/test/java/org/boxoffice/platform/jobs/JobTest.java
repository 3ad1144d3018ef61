package org.boxoffice.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JobTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(100 * SECOND);
    private final Job job = new Job("Sweeper.sweep", Duration.ofSeconds(1), false, Duration.ZERO, now::get);

    @Test
    void aJobThatHasNotStartedWhenDueLagsByTheTimeSince() {
        now.addAndGet(3 * SECOND);

        assertThat(job.lag()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void theNextRunOfAFixedDelayJobIsDueAnIntervalAfterTheLastEnded() {
        job.run(() -> now.addAndGet(5 * SECOND), Instant::now);

        assertThat(job.lag()).isZero();
        now.addAndGet(SECOND / 2);
        assertThat(job.lag()).isZero();
        now.addAndGet(2 * SECOND);
        assertThat(job.lag()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void aRunThatHangsShowsAsRunningNotAsLagging() throws Exception {
        var entered = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var runner = Thread.ofVirtual()
                .start(() -> job.run(
                        () -> {
                            entered.countDown();
                            await(release);
                        },
                        Instant::now));
        entered.await();
        now.addAndGet(60 * SECOND);

        assertThat(job.isRunning()).isTrue();
        assertThat(job.runningFor()).isEqualTo(Duration.ofSeconds(60));
        assertThat(job.lag()).isZero();
        release.countDown();
        runner.join();
        assertThat(job.isRunning()).isFalse();
        assertThat(job.runs()).isOne();
    }

    @Test
    void aPausedJobSkipsItsRuns() {
        var ran = new AtomicInteger();
        job.pause(true);

        job.run(ran::incrementAndGet, Instant::now);

        assertThat(ran).hasValue(0);
        job.pause(false);
        job.run(ran::incrementAndGet, Instant::now);
        assertThat(ran).hasValue(1);
    }

    @Test
    void aFailedRunIsCountedAndRethrown() {
        assertThatThrownBy(() -> job.run(
                        () -> {
                            throw new IllegalStateException("boom");
                        },
                        Instant::now))
                .hasMessage("boom");

        assertThat(job.failures()).isOne();
        assertThat(job.isRunning()).isFalse();
    }

    @Test
    void aScheduledMethodIsNamedByItsClassAndMethod() {
        Runnable task = new Runnable() {
            @Override
            public void run() {}

            @Override
            public String toString() {
                return "org.boxoffice.ordering.ExpiringHolds.sweep";
            }
        };

        assertThat(Jobs.nameOf(task)).isEqualTo("ExpiringHolds.sweep");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
