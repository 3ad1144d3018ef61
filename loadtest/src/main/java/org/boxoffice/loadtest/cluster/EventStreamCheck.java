package org.boxoffice.loadtest.cluster;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares one event's messages on the Kafka topic with its rows in the outbox, after a local
 * cluster run: every outbox row must be on the topic with its type, nothing else may be, and
 * each row's first copy must come after the earlier rows' (outbox order per key). Copies are
 * counted, not refused (at least once). Exit code 0 when all of that holds, 1 otherwise.
 *
 * <p>{@code EventStreamCheck --jdbc-url=… --kafka=host:port --event=UUID [--topic=boxoffice.events]
 * [--patience=60]}
 */
public final class EventStreamCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventStreamCheck() {}

    /** One message of the event, as read: its outbox id and type. */
    record Message(long id, String type) {}

    public static void main(String[] args) throws Exception {
        var options = new HashMap<String, String>();
        for (var arg : args) {
            var parts = arg.replaceFirst("^--", "").split("=", 2);
            options.put(parts[0], parts.length > 1 ? parts[1] : "true");
        }
        var event = required(options, "event");
        var outbox = outboxRows(required(options, "jdbc-url"), event);
        var messages = topicMessages(
                required(options, "kafka"),
                options.getOrDefault("topic", "boxoffice.events"),
                event,
                outbox.keySet(),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("patience", "60"))));
        System.exit(report(outbox, messages) ? 0 : 1);
    }

    private static String required(Map<String, String> options, String name) {
        var value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    /** The event's outbox rows, id → type, in id order. */
    private static Map<Long, String> outboxRows(String jdbcUrl, String event) throws SQLException {
        var rows = new LinkedHashMap<Long, String>();
        try (var connection = DriverManager.getConnection(jdbcUrl);
                var statement = connection.prepareStatement(
                        "SELECT id, event_type FROM outbox_event WHERE payload ->> 'eventId' = ? ORDER BY id")) {
            statement.setString(1, event);
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getLong(1), result.getString(2));
                }
            }
        }
        return rows;
    }

    /** The event's messages from the topic's start, until every expected id came or patience ran out. */
    private static List<Message> topicMessages(
            String bootstrap, String topic, String event, Set<Long> expected, Duration patience) {
        var properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        var messages = new ArrayList<Message>();
        try (var consumer = new KafkaConsumer<String, String>(properties)) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var seen = new HashSet<Long>();
            long deadline = System.nanoTime() + patience.toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (event.equals(record.key())) {
                        var value = JSON.readTree(record.value());
                        var message = new Message(
                                value.get("id").asLong(), value.get("type").asString());
                        messages.add(message);
                        seen.add(message.id());
                    }
                }
                if (quietUntil == Long.MAX_VALUE && seen.containsAll(expected)) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                }
            }
        }
        return messages;
    }

    private static boolean report(Map<Long, String> outbox, List<Message> messages) {
        var firstCopies = new LinkedHashMap<Long, Message>();
        messages.forEach(message -> firstCopies.putIfAbsent(message.id(), message));
        var missing = outbox.keySet().stream()
                .filter(id -> !firstCopies.containsKey(id))
                .count();
        var unknown = firstCopies.keySet().stream()
                .filter(id -> !outbox.containsKey(id))
                .count();
        var wrongType = firstCopies.values().stream()
                .filter(message -> outbox.containsKey(message.id()))
                .filter(message -> !outbox.get(message.id()).equals(message.type()))
                .count();
        long outOfOrder = 0;
        long last = Long.MIN_VALUE;
        for (var id : firstCopies.keySet()) {
            if (id < last) {
                outOfOrder++;
            }
            last = Math.max(last, id);
        }
        System.out.printf(
                "event stream: %d outbox rows, %d messages (%d distinct, %d copies); missing %d, unknown %d,"
                        + " wrong type %d, out of order %d%n",
                outbox.size(),
                messages.size(),
                firstCopies.size(),
                messages.size() - firstCopies.size(),
                missing,
                unknown,
                wrongType,
                outOfOrder);
        return missing == 0 && unknown == 0 && wrongType == 0 && outOfOrder == 0;
    }
}
