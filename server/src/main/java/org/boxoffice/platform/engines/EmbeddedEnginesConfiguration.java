package org.boxoffice.platform.engines;

import org.boxoffice.platform.BoxofficeSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url}, the application talks to an embedded PostgreSQL; with
 * no {@code spring.data.redis.url} (nor host), to an embedded Redis. Spring Boot's own
 * auto-configuration then builds the pool and clients from these connection details, so there
 * is one code path whichever server is behind it.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedEnginesConfiguration {

    @Bean
    @Conditional(NoExternalDatabase.class)
    JdbcConnectionDetails embeddedPostgresConnection(
            BoxofficeSettings settings, @Value("${boxoffice.embedded.clean-on-start:false}") boolean cleanOnStart) {
        var login = EmbeddedPostgres.start(settings.dataDir(), cleanOnStart);
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return login.user();
            }

            @Override
            public String getPassword() {
                return login.password();
            }

            @Override
            public String getJdbcUrl() {
                return login.jdbcUrl();
            }
        };
    }

    @Bean
    @Conditional(NoExternalRedis.class)
    DataRedisConnectionDetails embeddedRedisConnection(BoxofficeSettings settings) {
        var standalone = DataRedisConnectionDetails.Standalone.of("127.0.0.1", EmbeddedRedis.port(settings.dataDir()));
        return new DataRedisConnectionDetails() {
            @Override
            public Standalone getStandalone() {
                return standalone;
            }
        };
    }
}
