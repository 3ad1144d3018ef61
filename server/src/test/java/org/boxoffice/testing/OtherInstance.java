package org.boxoffice.testing;

import java.util.ArrayList;
import java.util.List;
import org.boxoffice.BoxofficeApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another instance of the server in the test JVM: its own application context on its own port,
 * pointed at the test context's PostgreSQL and Redis (so it starts neither), without demo data
 * (the test context loaded it), with its own simulators and scheduled jobs, as any second
 * instance has. Close it when done.
 */
public final class OtherInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private OtherInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** @param properties {@code name=value} settings of this instance only */
    public static OtherInstance sharing(
            JdbcConnectionDetails database, DataRedisConnectionDetails redis, String... properties) {
        var standalone = redis.getStandalone();
        var all = new ArrayList<>(List.of(
                "server.port=0",
                "spring.datasource.url=" + database.getJdbcUrl(),
                "spring.datasource.username=" + database.getUsername(),
                "spring.datasource.password=" + database.getPassword(),
                "spring.data.redis.url=redis://" + standalone.getHost() + ":" + standalone.getPort(),
                "boxoffice.demo.enabled=false"));
        all.addAll(List.of(properties));
        // As command-line arguments, so that they win over the tests' application.properties too.
        return new OtherInstance(new SpringApplicationBuilder(BoxofficeApplication.class)
                .run(all.stream().map(property -> "--" + property).toArray(String[]::new)));
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
