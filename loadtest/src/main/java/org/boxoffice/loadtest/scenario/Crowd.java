package org.boxoffice.loadtest.scenario;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Sends the travelers on their journeys, {@code concurrency} at a time, one virtual thread per
 * worker. Workers start spread over the ramp-up and take the next traveler as soon as their last
 * one is done, so the server sees a steady crowd of {@code concurrency} people, not waves.
 */
final class Crowd {

    private final JourneyContext run;
    private final int concurrency;
    private final Duration rampUp;
    private final long seed;
    private final AtomicReference<@Nullable RuntimeException> firstBug = new AtomicReference<>();

    Crowd(JourneyContext run, int concurrency, Duration rampUp, long seed) {
        this.run = run;
        this.concurrency = concurrency;
        this.rampUp = rampUp;
        this.seed = seed;
    }

    /**
     * Returns when every traveler has an outcome. Journeys stop by themselves at the run's
     * deadline; {@code grace} later (a request in flight needs its timeout) stragglers are
     * interrupted.
     */
    void travel(List<Traveler> travelers, Duration grace, PrintStream out) throws InterruptedException {
        var next = new AtomicInteger();
        int workers = Math.min(concurrency, travelers.size());
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            for (int worker = 0; worker < workers; worker++) {
                var startAfter = rampUp.multipliedBy(worker).dividedBy(workers);
                executor.execute(() -> work(travelers, next, startAfter));
            }
            executor.shutdown();
            var patience = run.deadline().remaining().plus(grace);
            if (!executor.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                out.println("Interrupting journeys still running " + grace.toSeconds() + " s after --max-duration.");
                executor.shutdownNow();
                executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            executor.shutdownNow();
        }
        for (int i = next.get(); i < travelers.size(); i++) {
            run.tally().ended(TravelerOutcome.NOT_STARTED);
        }
        var bug = firstBug.get();
        if (bug != null) {
            out.println("A journey failed unexpectedly (counted as ERROR): " + bug);
        }
    }

    private void work(List<Traveler> travelers, AtomicInteger next, Duration startAfter) {
        try {
            run.deadline().sleep(startAfter);
            for (int i = next.getAndIncrement(); i < travelers.size(); i = next.getAndIncrement()) {
                if (run.deadline().passed()) {
                    run.tally().ended(TravelerOutcome.NOT_STARTED);
                    continue;
                }
                var traveler = travelers.get(i);
                run.tally().started();
                run.tally().finished(journey(traveler));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private TravelerOutcome journey(Traveler traveler) throws InterruptedException {
        try {
            // One seeded stream per traveler: the same seed makes the same choices, whatever the timing.
            var random = new SplittableRandom(seed + traveler.number());
            return new TravelerJourney(run, traveler, random).travel();
        } catch (InterruptedException e) {
            run.tally().finished(TravelerOutcome.CUT_OFF);
            throw e;
        } catch (RuntimeException e) {
            firstBug.compareAndSet(null, e);
            return TravelerOutcome.ERROR;
        }
    }
}
