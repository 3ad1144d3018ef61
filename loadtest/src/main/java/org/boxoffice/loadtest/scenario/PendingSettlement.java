package org.boxoffice.loadtest.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Before the final checks, reads again every order the ledger is unsure about (a payment still
 * pending, a change whose answer never came) until the server has settled them or the settle
 * timeout passes. The checks then compare settled states, not a race in progress.
 */
final class PendingSettlement {

    /** Reads at a time: enough to finish quickly, few enough not to become a load test of its own. */
    private static final int PARALLEL_READS = 32;

    private final BoxofficeApi api;
    private final OrderLedger ledger;
    private final Duration pollInterval;

    PendingSettlement(BoxofficeApi api, OrderLedger ledger, Duration pollInterval) {
        this.api = api;
        this.ledger = ledger;
        this.pollInterval = pollInterval;
    }

    /** Returns how many orders are still unsettled (or unreadable) when it gives up. */
    int settle(Duration timeout) throws InterruptedException {
        var patience = Deadline.after(timeout);
        while (true) {
            var unsure = ledger.needingReading();
            if (unsure.isEmpty() || patience.passed()) {
                return unsure.size();
            }
            readAll(unsure);
            if (!ledger.needingReading().isEmpty()) {
                patience.sleep(pollInterval);
            }
        }
    }

    private void readAll(Iterable<OrderLedger.Entry> entries) throws InterruptedException {
        var permits = new Semaphore(PARALLEL_READS);
        var reads = new ArrayList<Callable<Void>>();
        for (var entry : entries) {
            reads.add(() -> {
                permits.acquire();
                try {
                    var answer = api.order(entry.token(), entry.order().id());
                    if (answer.status() == 200 && answer.order() != null) {
                        ledger.saw(entry.token(), answer.order());
                    }
                } finally {
                    permits.release();
                }
                return null;
            });
        }
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            executor.invokeAll(reads);
        }
    }
}
