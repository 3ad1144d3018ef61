package org.boxoffice.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The engines of a local cluster (loadtest/drills/cluster), in one process of their own: a real
 * PostgreSQL 17 (the embedded binaries from Maven Central), a real Redis and a real Kafka broker
 * (KRaft, from Kafka's Maven Central artifacts), on loopback. Several server instances share
 * them, as they share their production counterparts. Prints one line, {@code engines: postgres=…
 * redis=… kafka=…}, once all three answer, and runs until it is stopped.
 *
 * <p>{@code java -cp <server test classpath> org.boxoffice.testing.LocalEngines DIR}
 */
public final class LocalEngines {

    private LocalEngines() {}

    public static void main(String[] args) throws Exception {
        var dir = Path.of(args.length > 0 ? args[0] : "target/local-engines");
        Files.createDirectories(dir);
        var postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("postgres"))
                .setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "256MB")
                .start();
        var redis = new ControlledRedis();
        redis.start();
        var kafka = new KafkaBroker();
        kafka.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(postgres, redis, kafka)));
        System.out.printf(
                "engines: postgres=%s redis=%s kafka=%s%n",
                postgres.getJdbcUrl("postgres", "postgres"), redis.url(), kafka.bootstrapServers());
        System.out.flush();
        Thread.currentThread().join();
    }

    private static void stopAll(EmbeddedPostgres postgres, ControlledRedis redis, KafkaBroker kafka) {
        kafka.close();
        try {
            redis.close();
            postgres.close();
        } catch (Exception e) {
            System.err.println("Stopping the engines: " + e);
        }
    }
}
