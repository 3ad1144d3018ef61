package org.boxoffice.payment;

import java.time.Clock;
import org.boxoffice.platform.BackgroundCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles open attempts by itself: those whose charge call ended without an answer, and pending
 * ones whose call died with its server; and refunds payments of another amount than asked. Each
 * round claims a batch with {@code SKIP LOCKED}, so any number of instances may run it at once;
 * the provider is asked with no transaction open, in the background, never on the job's thread.
 */
@Component
class ReconciliationSchedule {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationSchedule.class);

    private final PaymentAttempts attempts;
    private final Reconciling reconciling;
    private final Refunding refunding;
    private final PaymentSettings settings;
    private final BackgroundCalls background;
    private final Clock clock;

    ReconciliationSchedule(
            PaymentAttempts attempts,
            Reconciling reconciling,
            Refunding refunding,
            PaymentSettings settings,
            BackgroundCalls background,
            Clock clock) {
        this.attempts = attempts;
        this.reconciling = reconciling;
        this.refunding = refunding;
        this.settings = settings;
        this.background = background;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${boxoffice.payment.reconciliation.interval:5s}",
            initialDelayString = "${boxoffice.payment.reconciliation.interval:5s}")
    void settleDueAttempts() {
        var reconciliation = settings.reconciliation();
        var now = clock.instant();
        var due = attempts.claimDue(now, reconciliation.batchSize(), now.plus(reconciliation.recheckAfter()));
        // Not waited for: a claimed attempt that is not settled now is due again after its recheck.
        due.forEach(attemptKey -> background.start("reconcile-" + attemptKey, () -> settle(attemptKey)));
    }

    private void settle(String attemptKey) {
        try {
            if (!refunding.refundIfMismatched(attemptKey)) {
                reconciling.settle(attemptKey);
            }
        } catch (RuntimeException e) {
            log.error("Could not settle payment attempt {}", attemptKey, e);
        }
    }
}
