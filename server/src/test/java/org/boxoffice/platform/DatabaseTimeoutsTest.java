package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DatabaseTimeoutsTest {

    @Test
    void theTimeoutsGoFirstTheOperatorsOptionsAfterThemAndDurableCommitsLast() {
        var pool = new HikariDataSource();
        pool.addDataSourceProperty("options", "-c search_path=tickets");

        DatabaseTimeouts.apply(settings(true), pool);

        assertThat(pool.getDataSourceProperties().getProperty("options"))
                .isEqualTo("-c statement_timeout=10000 -c lock_timeout=5000"
                        + " -c idle_in_transaction_session_timeout=60000 -c search_path=tickets"
                        + " -c synchronous_commit=on");
        assertThat(pool.getDataSourceProperties().getProperty("socketTimeout")).isEqualTo("60");
    }

    @Test
    void withoutStartupOptionsOnlyTheOperatorsAreSentAndTheClientTimeoutsStay() {
        var given = new HikariDataSource();
        given.addDataSourceProperty("options", "-c search_path=tickets");
        var none = new HikariDataSource();

        DatabaseTimeouts.apply(settings(false), given);
        DatabaseTimeouts.apply(settings(false), none);

        assertThat(given.getDataSourceProperties().getProperty("options")).isEqualTo("-c search_path=tickets");
        assertThat(none.getDataSourceProperties().getProperty("options")).isNull();
        assertThat(none.getDataSourceProperties().getProperty("connectTimeout")).isEqualTo("5");
        assertThat(none.getDataSourceProperties().getProperty("socketTimeout")).isEqualTo("60");
    }

    private static DatabaseSettings settings(boolean startupOptions) {
        return new DatabaseSettings(
                Duration.ofSeconds(10),
                Duration.ofSeconds(5),
                Duration.ofSeconds(60),
                Duration.ofSeconds(5),
                Duration.ofSeconds(60),
                Duration.ofSeconds(5),
                Duration.ofSeconds(1),
                startupOptions);
    }
}
