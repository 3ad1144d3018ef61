package org.boxoffice.eventstream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param topic the Kafka topic every outbox row goes to
 * @param partitions the topic's partitions when the server creates it (an existing topic is left
 *     as it is); its replication follows the brokers' default
 * @param interval how often the publisher looks for new outbox rows
 * @param batch how many rows it sends before it records how far it got
 * @param sendTimeout how long it waits for the broker to acknowledge a batch; a batch not
 *     acknowledged in time is sent again from the first row not acknowledged
 * @param leaderRetry how often an instance that does not publish checks whether the publisher's
 *     lead is free to take
 */
@ConfigurationProperties("boxoffice.event-stream")
record EventStreamSettings(
        @DefaultValue("boxoffice.events") String topic,
        @DefaultValue("6") int partitions,
        @DefaultValue("200ms") Duration interval,
        @DefaultValue("500") int batch,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("2s") Duration leaderRetry) {}
