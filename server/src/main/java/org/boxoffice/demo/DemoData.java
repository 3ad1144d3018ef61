package org.boxoffice.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the demo catalog on the first start: travelers, the stadium concert, 200 flights, a
 * cinema showing and a give-away. Each part is created in one transaction together with its
 * marker, under an advisory lock, so a restart (or a second instance starting at the same time)
 * adds nothing.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty(name = "boxoffice.demo.enabled", matchIfMissing = true)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final List<DemoPart> parts;
    private final DemoSeeds seeds;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoData(List<DemoPart> parts, DemoSeeds seeds, TransactionTemplate transaction, Clock clock) {
        this.parts = parts;
        this.seeds = seeds;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        parts.forEach(this::createOnce);
    }

    private void createOnce(DemoPart part) {
        var started = System.nanoTime();
        boolean created = Boolean.TRUE.equals(transaction.execute(status -> {
            seeds.lockForThisTransaction();
            if (seeds.exists(part.name())) {
                return false;
            }
            part.create();
            seeds.add(part.name(), clock.instant());
            return true;
        }));
        if (created) {
            log.info(
                    "Demo data: created {} in {} ms",
                    part.name(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
    }
}
