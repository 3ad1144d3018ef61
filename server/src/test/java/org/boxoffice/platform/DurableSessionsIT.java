package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.boxoffice.testing.BoxofficeIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every pooled session commits durably whatever the database's default (the tests' throw-away
 * database is started with {@code synchronous_commit = off}): the setting is on and comes from the
 * session's startup options ({@code client}), and a transaction that turns it off for itself
 * leaves it on for the next.
 */
@BoxofficeIT
class DurableSessionsIT {

    private static final String SETTING =
            "SELECT setting || ' from ' || source FROM pg_settings WHERE name = 'synchronous_commit'";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void everyPooledSessionCommitsDurably() {
        for (int i = 0; i < 10; i++) {
            assertThat(jdbc.sql(SETTING).query(String.class).single()).isEqualTo("on from client");
        }
    }

    @Test
    void aTransactionThatTurnsItOffTurnsItOffForItselfOnly() {
        var inside = transaction.execute(status -> {
            jdbc.sql("SET LOCAL synchronous_commit = off").update();
            return jdbc.sql(SETTING).query(String.class).single();
        });

        assertThat(inside).startsWith("off");
        assertThat(jdbc.sql(SETTING).query(String.class).single()).isEqualTo("on from client");
    }
}
