package org.boxoffice.loadtest.scenario;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** Prints one line of the run's counters every few seconds, until closed. */
final class ProgressReporter implements AutoCloseable {

    private final Tally tally;
    private final PrintStream out;
    private final Duration interval;
    private final long startedNanos;
    private final Thread thread;

    private ProgressReporter(Tally tally, PrintStream out, Duration interval) {
        this.tally = tally;
        this.out = out;
        this.interval = interval;
        this.startedNanos = System.nanoTime();
        this.thread = Thread.ofVirtual().name("progress").unstarted(this::report);
    }

    static ProgressReporter start(Tally tally, PrintStream out, Duration interval) {
        var reporter = new ProgressReporter(tally, out, interval);
        reporter.thread.start();
        return reporter;
    }

    private void report() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(interval);
                out.println(line(Duration.ofNanos(System.nanoTime() - startedNanos), tally.snapshot()));
            }
        } catch (InterruptedException e) {
            // Closed: the final report follows.
        }
    }

    static String line(Duration elapsed, Tally.Snapshot now) {
        return String.format(
                Locale.ROOT,
                "[%4ds] done %d/%d, on their way %d | holds ok %d, sold out %d, 503 %d | paid %d, declines %d,"
                        + " pending %d | cancelled %d | errors %d",
                elapsed.toSeconds(),
                now.done(),
                now.travelers(),
                now.onTheirWay(),
                now.held(),
                now.soldOut(),
                now.providerUnavailable(),
                now.paid(),
                now.declined(),
                now.awaiting(),
                now.cancelled(),
                now.errors());
    }

    /** Does not throw InterruptedException: try-with-resources would hide it (javac's lint says so). */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
