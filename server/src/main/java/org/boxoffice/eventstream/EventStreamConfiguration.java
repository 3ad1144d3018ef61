package org.boxoffice.eventstream;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.boxoffice.platform.Leadership;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import tools.jackson.databind.json.JsonMapper;

/** The publisher and its topic, only where a Kafka cluster is configured. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.kafka.bootstrap-servers")
class EventStreamConfiguration {

    /** Created by Spring Kafka's admin at start if it does not exist yet. */
    @Bean
    NewTopic eventStreamTopic(EventStreamSettings settings) {
        return TopicBuilder.name(settings.topic())
                .partitions(settings.partitions())
                .build();
    }

    @Bean
    OutboxPublisher outboxPublisher(
            JdbcConnectionDetails database,
            JdbcClient jdbc,
            KafkaTemplate<String, String> kafka,
            ProducerFactory<String, String> producers,
            JsonMapper json,
            Clock clock,
            MeterRegistry meters,
            EventStreamSettings settings) {
        var leadership = new Leadership(database, "eventstream", "kafka_publisher", settings.leaderRetry());
        var stream = new KafkaStream(kafka, producers, json, settings);
        return new OutboxPublisher(leadership, new OutboxFeed(jdbc, settings.topic()), stream, clock, meters, settings);
    }
}
