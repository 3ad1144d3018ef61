package org.boxoffice.admission.shares;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CarrierLagTest {

    @Test
    void carriersKeptBusyByOtherVirtualThreadsShowAsLag() throws Exception {
        var means = new LinkedBlockingQueue<Duration>();
        try (var _ = CarrierLag.start(means::add)) {
            assertThat(means.poll(10, TimeUnit.SECONDS)).as("a first mean").isNotNull();

            var spinners = occupyEveryCarrierFor(Duration.ofMillis(400));
            var late = Duration.ZERO;
            for (int i = 0; i < 3; i++) {
                var mean = means.poll(10, TimeUnit.SECONDS);
                assertThat(mean).isNotNull();
                late = late.compareTo(mean) > 0 ? late : mean;
            }
            for (var spinner : spinners) {
                spinner.join();
            }

            assertThat(late).as("the nap that waited for a carrier").isGreaterThan(Duration.ofMillis(20));
        }
    }

    @Test
    void closingStopsTheProbe() throws Exception {
        var means = new LinkedBlockingQueue<Duration>();
        var lag = CarrierLag.start(means::add);
        assertThat(means.poll(10, TimeUnit.SECONDS)).isNotNull();

        lag.close();
        Thread.sleep(300);
        means.clear();

        assertThat(means.poll(500, TimeUnit.MILLISECONDS)).isNull();
    }

    /** As many virtual threads as the scheduler has carriers, each running without a pause. */
    private static ArrayList<Thread> occupyEveryCarrierFor(Duration time) {
        int carriers = Integer.getInteger(
                "jdk.virtualThreadScheduler.parallelism", Runtime.getRuntime().availableProcessors());
        long until = System.nanoTime() + time.toNanos();
        var spinners = new ArrayList<Thread>();
        for (int i = 0; i < carriers; i++) {
            spinners.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }));
        }
        return spinners;
    }
}
