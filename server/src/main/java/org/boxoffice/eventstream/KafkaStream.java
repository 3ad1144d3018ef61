package org.boxoffice.eventstream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends outbox rows to the topic and tells how many of them, from the first, the broker
 * acknowledged. The producer is idempotent (application.yml), so the rows of a partition are
 * written in the order sent even when the client retries. After a failure the producer is
 * recreated, since some failures leave it unusable.
 */
final class KafkaStream {

    /** How a batch went: the first {@code acknowledged} rows are on the topic. */
    record Outcome(int acknowledged, @Nullable Exception failure) {}

    private final KafkaTemplate<String, String> kafka;
    private final ProducerFactory<String, String> producers;
    private final JsonMapper json;
    private final EventStreamSettings settings;

    KafkaStream(
            KafkaTemplate<String, String> kafka,
            ProducerFactory<String, String> producers,
            JsonMapper json,
            EventStreamSettings settings) {
        this.kafka = kafka;
        this.producers = producers;
        this.json = json;
        this.settings = settings;
    }

    Outcome send(List<OutboxFeed.Row> rows) {
        var sends = new ArrayList<CompletableFuture<SendResult<String, String>>>(rows.size());
        @Nullable RuntimeException refused = null;
        for (var row : rows) {
            try {
                sends.add(kafka.send(
                        settings.topic(), StreamedEvent.keyOf(row), json.writeValueAsString(StreamedEvent.of(row))));
            } catch (RuntimeException e) {
                // No metadata within max.block.ms (the broker is gone): the rest would wait as long.
                refused = e;
                break;
            }
        }
        var outcome = awaitAcknowledgements(sends);
        if (outcome.failure() == null && refused != null) {
            outcome = new Outcome(outcome.acknowledged(), refused);
        }
        if (outcome.failure() != null) {
            producers.reset();
        }
        return outcome;
    }

    private Outcome awaitAcknowledgements(List<CompletableFuture<SendResult<String, String>>> sends) {
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                return new Outcome(i, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(i, e);
            }
        }
        return new Outcome(sends.size(), null);
    }
}
