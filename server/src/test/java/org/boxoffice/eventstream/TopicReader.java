package org.boxoffice.eventstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A downstream consumer of the topic, reading it from the start, as the docs' example does. */
final class TopicReader implements AutoCloseable {

    /** One message as read: its key and its document. */
    record Message(String key, JsonNode value) {
        long id() {
            return value.get("id").asLong();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaConsumer<String, String> consumer;
    private final List<Message> read = new ArrayList<>();

    TopicReader(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class));
        consumer.subscribe(List.of(topic));
    }

    /** Reads until {@code enough} holds for everything read so far, or {@code patience} passes. */
    List<Message> readUntil(Predicate<List<Message>> enough, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!enough.test(read) && System.nanoTime() < deadline) {
            for (var record : consumer.poll(Duration.ofMillis(200))) {
                read.add(new Message(record.key(), JSON.readTree(record.value())));
            }
        }
        return List.copyOf(read);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
