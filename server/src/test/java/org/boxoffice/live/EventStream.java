package org.boxoffice.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of one availability stream, as a browser's EventSource reads it. */
final class EventStream implements AutoCloseable {

    /** One {@code availability} event and when it arrived ({@link System#nanoTime()}). */
    record Received(JsonNode data, long arrivedAt) {

        JsonNode zone(String code) {
            for (var zone : data.get("zones")) {
                if (zone.get("code").asString().equals(code)) {
                    return zone;
                }
            }
            throw new AssertionError("No zone " + code + " in " + data);
        }

        long held(String zone) {
            return zone(zone).get("held").asLong();
        }

        long sold(String zone) {
            return zone(zone).get("sold").asLong();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    private EventStream(HttpResponse<InputStream> response) {
        this.response = response;
        if (response.statusCode() == 200) {
            Thread.ofVirtual().start(this::readEvents);
        }
    }

    static EventStream open(int port, UUID eventId) {
        return open(port, eventId, null);
    }

    static EventStream open(int port, UUID eventId, String token) {
        return open(port, eventId, token, null);
    }

    /** A stream opened through a proxy that names the client's address in {@code X-Forwarded-For}. */
    static EventStream openFor(String clientAddress, int port, UUID eventId) {
        return open(port, eventId, null, clientAddress);
    }

    private static EventStream open(int port, UUID eventId, String token, String forwardedFor) {
        var request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/events/" + eventId + "/stream"))
                .header("Accept", "text/event-stream");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        try {
            return new EventStream(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException("The server did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int status() {
        return response.statusCode();
    }

    String header(String name) {
        return response.headers().firstValue(name).orElse("");
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The body of an answer that is not a stream (a problem document). */
    JsonNode problem() throws IOException {
        try (var body = response.body()) {
            return JSON.readTree(body);
        }
    }

    /** The next availability event; fails when none comes within {@code within}. */
    Received next(Duration within) throws InterruptedException {
        var event = received.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(event).as("an availability event within " + within).isNotNull();
        return event;
    }

    /** The first event (from now on) that matches; fails when none does within {@code within}. */
    Received until(Predicate<Received> wanted, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            var event = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(event)
                    .as("a matching availability event within " + within)
                    .isNotNull();
            if (wanted.test(event)) {
                return event;
            }
        }
    }

    /** Whether an event (from now on) matches within {@code within}; does not fail. */
    boolean drainUntil(Predicate<Received> wanted, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            var event = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                return false;
            }
            if (wanted.test(event)) {
                return true;
            }
        }
    }

    /** Every event that arrived and was not taken yet. */
    List<Received> drain() {
        var events = new ArrayList<Received>();
        received.drainTo(events);
        return events;
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }

    private void readEvents() {
        try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = null;
            var data = new StringBuilder();
            for (var line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if ("availability".equals(name)) {
                        received.add(new Received(JSON.readTree(data.toString()), System.nanoTime()));
                    }
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = value(line);
                } else if (line.startsWith("data:")) {
                    data.append(value(line));
                }
            }
        } catch (IOException e) {
            // Closed by the test or the server: the stream is over.
        }
    }

    private static String value(String line) {
        var value = line.substring(line.indexOf(':') + 1);
        return value.startsWith(" ") ? value.substring(1) : value;
    }
}
