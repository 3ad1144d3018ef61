package org.boxoffice.admission.shares;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * How late the JVM's carrier threads are for a virtual thread that became ready to run: a probe
 * naps for 10 ms at a time and measures how much longer it took to run again. That delay is what
 * every request pays each time a statement's answer or a lock wakes it, so it is how much one
 * crowd's requests slow everyone else's. Every tenth nap, the mean of the last ten goes to a
 * listener.
 */
final class CarrierLag implements AutoCloseable {

    private static final Duration NAP = Duration.ofMillis(10);
    private static final int NAPS_PER_MEAN = 10;

    private final Consumer<Duration> means;
    private final Thread probe;
    private volatile Duration last = Duration.ZERO;

    private CarrierLag(Consumer<Duration> means) {
        this.means = means;
        this.probe = Thread.ofVirtual().name("carrier-lag").unstarted(this::measure);
    }

    /** Starts measuring; {@code means} is called on the probe's own virtual thread. */
    static CarrierLag start(Consumer<Duration> means) {
        var lag = new CarrierLag(means);
        lag.probe.start();
        return lag;
    }

    /** The last mean. */
    Duration last() {
        return last;
    }

    private void measure() {
        long napNanos = NAP.toNanos();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long lateNanos = 0;
                for (int i = 0; i < NAPS_PER_MEAN; i++) {
                    long before = System.nanoTime();
                    Thread.sleep(NAP);
                    lateNanos += Math.max(0, System.nanoTime() - before - napNanos);
                }
                last = Duration.ofNanos(lateNanos / NAPS_PER_MEAN);
                means.accept(last);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        probe.interrupt();
    }
}
