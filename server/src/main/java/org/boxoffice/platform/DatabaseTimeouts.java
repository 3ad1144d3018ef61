package org.boxoffice.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Properties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Puts the timeouts of {@link DatabaseSettings} on every connection of the pool, whichever
 * PostgreSQL is behind it (embedded or external): the server-side ones as startup options of the
 * session ({@code -c statement_timeout=...}), the client-side ones as pgjdbc properties. Options
 * already given in {@code spring.datasource.hikari.data-source-properties.options} come after
 * these, so they win; so do parameters in the JDBC URL.
 *
 * <p>One option comes last and always wins: {@code synchronous_commit=on}. Every transaction
 * commits durably, whatever the database's own default (a throw-away test database has it off),
 * unless it turns that off for itself with {@code SET LOCAL} (a group of holds, an idempotency
 * key: they carry no money). So the payment records' transactions need no statement of their own
 * to be durable.
 *
 * <p>With {@code boxoffice.database.startup-options=false} none of these options is sent (a
 * pooler that refuses startup options); the client-side timeouts still apply.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseTimeouts {

    private static final String DURABLE_COMMITS = "-c synchronous_commit=on";

    @Bean
    static BeanPostProcessor databaseTimeoutsOnThePool(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool) {
                    var settings = Binder.get(environment).bindOrCreate("boxoffice.database", DatabaseSettings.class);
                    apply(settings, pool);
                }
                return bean;
            }
        };
    }

    static void apply(DatabaseSettings settings, HikariDataSource pool) {
        var properties = pool.getDataSourceProperties();
        if (settings.startupOptions()) {
            addStartupOptions(settings, properties);
        }
        properties.putIfAbsent("connectTimeout", seconds(settings.connectTimeout()));
        properties.putIfAbsent("loginTimeout", seconds(settings.connectTimeout()));
        properties.putIfAbsent("socketTimeout", seconds(settings.socketTimeout()));
    }

    private static void addStartupOptions(DatabaseSettings settings, Properties properties) {
        var options = "-c statement_timeout=" + settings.statementTimeout().toMillis()
                + " -c lock_timeout=" + settings.lockTimeout().toMillis()
                + " -c idle_in_transaction_session_timeout="
                + settings.idleInTransactionTimeout().toMillis();
        var given = properties.getProperty("options");
        var withGiven = given == null || given.isBlank() ? options : options + " " + given;
        properties.setProperty("options", withGiven + " " + DURABLE_COMMITS);
    }

    /** pgjdbc counts these in whole seconds, 0 meaning none. */
    private static String seconds(Duration duration) {
        return Long.toString(duration.isZero() ? 0 : Math.max(1, duration.toSeconds()));
    }
}
