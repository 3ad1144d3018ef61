package org.boxoffice.payment;

import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Short transactions of their own for payment records. Each commits durably whatever the
 * server's default (holds may commit asynchronously; money may not), and each is new even when a
 * caller has a transaction open, so an attempt is committed before the provider is called.
 */
@Component
class DurableTransactions {

    private final TransactionTemplate template;
    private final JdbcClient jdbc;

    DurableTransactions(PlatformTransactionManager transactions, JdbcClient jdbc) {
        this.template = new TransactionTemplate(transactions);
        this.template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
    }

    <T> T call(Supplier<T> work) {
        return Objects.requireNonNull(template.execute(status -> {
            jdbc.sql("SET LOCAL synchronous_commit TO on").update();
            return work.get();
        }));
    }

    void run(Runnable work) {
        call(() -> {
            work.run();
            return Boolean.TRUE;
        });
    }
}
