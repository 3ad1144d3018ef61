package org.boxoffice.platform.engines;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** With the standard Spring properties set, the external servers are used and nothing is started. */
class EmbeddedEnginesConfigurationTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(EmbeddedEnginesConfiguration.class);

    @Test
    void externalServersReplaceTheEmbeddedOnes() {
        context.withPropertyValues(
                        "spring.datasource.url=jdbc:postgresql://db.example.org:5432/boxoffice",
                        "spring.data.redis.url=redis://cache.example.org:6379")
                .run(started -> {
                    assertThat(started).doesNotHaveBean(JdbcConnectionDetails.class);
                    assertThat(started).doesNotHaveBean(DataRedisConnectionDetails.class);
                });
    }

    @Test
    void aRedisHostAloneAlsoCountsAsExternal() {
        context.withPropertyValues(
                        "spring.datasource.url=jdbc:postgresql://db.example.org:5432/boxoffice",
                        "spring.data.redis.host=cache.example.org")
                .run(started -> assertThat(started).doesNotHaveBean(DataRedisConnectionDetails.class));
    }
}
