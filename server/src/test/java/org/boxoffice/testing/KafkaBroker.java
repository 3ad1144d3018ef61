package org.boxoffice.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.jspecify.annotations.Nullable;

/**
 * A real single-node Kafka (KRaft, broker and controller in one) in the test JVM, from the
 * artifacts {@code spring-kafka-test} brings, that a test stops and starts again on the same
 * ports with the same log: a restart, as an operator's broker has. Spring Kafka's
 * {@code EmbeddedKafkaKraftBroker} cannot do that: it binds new random ports on every start.
 */
public final class KafkaBroker implements AutoCloseable {

    private final int port;
    private final int controllerPort;
    private final String clusterId = Uuid.randomUuid().toString();
    private final Path logDir;
    private @Nullable KafkaRaftServer server;

    public KafkaBroker() throws IOException {
        // Both sockets open at once: closed one after the other, the system may hand out one port twice.
        try (var broker = new ServerSocket(0);
                var controller = new ServerSocket(0)) {
            port = broker.getLocalPort();
            controllerPort = controller.getLocalPort();
        }
        logDir = Files.createTempDirectory("kafka-broker");
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public void start() throws Exception {
        var config = new KafkaConfig(settings());
        new Formatter()
                .setPrintStream(System.out)
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setClusterId(clusterId)
                .setNodeId(1)
                .setDirectories(List.of(logDir.toString()))
                .setMetadataLogDirectory(Optional.of(logDir.toString()))
                .setControllerListenerName("CONTROLLER")
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setIgnoreFormatted(true)
                .run();
        var started = new KafkaRaftServer(config, Time.SYSTEM);
        started.startup();
        server = started;
    }

    public void stop() {
        var running = server;
        if (running != null) {
            running.shutdown();
            running.awaitShutdown();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private Map<String, String> settings() {
        return Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@localhost:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", logDir.toString()),
                Map.entry("num.partitions", "3"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"));
    }
}
