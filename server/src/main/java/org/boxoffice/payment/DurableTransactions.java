package org.boxoffice.payment;

import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Short transactions of their own for payment records. Each is new even when a caller has a
 * transaction open, so an attempt is committed before the provider is called. Each commits
 * durably: every pooled session has {@code synchronous_commit=on} whatever the database's default
 * ({@code platform.DatabaseTimeouts}), and only transactions that carry no money (holds,
 * idempotency keys) turn it off for themselves.
 */
@Component
class DurableTransactions {

    private final TransactionTemplate template;

    DurableTransactions(PlatformTransactionManager transactions) {
        this.template = new TransactionTemplate(transactions);
        this.template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    <T> T call(Supplier<T> work) {
        return Objects.requireNonNull(template.execute(status -> work.get()));
    }

    void run(Runnable work) {
        call(() -> {
            work.run();
            return Boolean.TRUE;
        });
    }
}
