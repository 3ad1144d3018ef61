package org.boxoffice.platform.idempotency;

import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets old answers. A plain DELETE by age, so several instances may run it at once. */
@Component
class IdempotencyCleanup {

    private final IdempotencyKeys keys;
    private final IdempotencySettings settings;
    private final Clock clock;

    IdempotencyCleanup(IdempotencyKeys keys, IdempotencySettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${boxoffice.idempotency.cleanup-interval:15m}", initialDelayString = "1m")
    void forgetOldAnswers() {
        keys.deleteStartedBefore(clock.instant().minus(settings.keepFor()));
    }
}
