package org.boxoffice.loadtest.streams;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens {@code --streams} live availability streams of one event against a running server,
 * checks that each gets its first event, holds one ticket, and checks that each stream gets the
 * update. Prints opening and update latencies and the server's memory (RSS with {@code --pid},
 * heap and threads from Actuator). Exit code 0 when every stream got both events, 1 otherwise,
 * 64 for wrong arguments.
 *
 * <pre>
 * ./mvnw -q -pl loadtest compile exec:java -Dexec.mainClass=org.boxoffice.loadtest.streams.StreamLoadCommand \
 *   -Dexec.args="--base-url=http://localhost:8190 --streams=10000 --pid=12345"
 * </pre>
 *
 * Options: {@code --base-url} (http://localhost:8080), {@code --streams} (10000), {@code
 * --event-id} (default: the first owned event on sale without a waiting room), {@code --pid}
 * (the server's process, for its RSS), {@code --opening} (streams being opened at once, 200),
 * {@code --timeout} (seconds for opening them all with their first events, then for all
 * updates; 120), {@code
 * --scrape-token-file} (the server's {@code data/metrics-scrape-token}, for Actuator's metrics;
 * default {@code data/metrics-scrape-token}, figures are "-" without it). The server allows 20
 * streams per client address by default: start it with {@code
 * --boxoffice.live.max-streams-per-address} and {@code --boxoffice.live.max-streams} above
 * {@code --streams}.
 */
public final class StreamLoadCommand {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final int streams;
    private final String eventId;
    private final int opening;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final ServerMemory memory;

    private StreamLoadCommand(Map<String, String> options) {
        baseUrl = options.getOrDefault("base-url", "http://localhost:8080");
        streams = Integer.parseInt(options.getOrDefault("streams", "10000"));
        opening = Integer.parseInt(options.getOrDefault("opening", "200"));
        timeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout", "120")));
        memory = new ServerMemory(
                http,
                baseUrl,
                Long.parseLong(options.getOrDefault("pid", "0")),
                Path.of(options.getOrDefault("scrape-token-file", "data/metrics-scrape-token")));
        eventId = options.containsKey("event-id") ? options.get("event-id") : findEvent();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
            System.exit(64);
            return;
        }
        int exitCode = new StreamLoadCommand(options).run();
        System.out.flush();
        System.exit(exitCode);
    }

    private int run() throws Exception {
        System.out.printf("Event %s, %d streams, %d opening at once, server %s%n", eventId, streams, opening, baseUrl);
        System.out.println("Before:        " + memory.describe());
        var probes = openAll();
        int open = (int) probes.stream().filter(StreamProbe::isOpen).count();
        if (open == 0) {
            System.out.println("RESULT: FAILED (no stream opened)");
            return 1;
        }
        Thread.sleep(2_000);
        System.out.println("All open:      " + memory.describe());
        int updated = holdAndAwaitUpdates(probes);
        System.out.println("After update:  " + memory.describe());
        probes.forEach(StreamProbe::cancel);
        boolean passed = open == streams && updated == open;
        System.out.println("RESULT: " + (passed ? "PASSED" : "FAILED"));
        return passed ? 0 : 1;
    }

    private List<StreamProbe> openAll() throws InterruptedException {
        var inFlight = new Semaphore(opening);
        var settled = new CountDownLatch(streams);
        var updated = new CountDownLatch(1);
        var probes = new ArrayList<StreamProbe>(streams);
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        for (int i = 0; i < streams; i++) {
            // Streams a server does not take (its connections full, the rest in the accept queue)
            // never settle: stop opening at the deadline rather than wait for them for ever.
            if (!inFlight.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            var probe = new StreamProbe(
                    () -> {
                        inFlight.release();
                        settled.countDown();
                    },
                    updated);
            probes.add(probe);
            http.sendAsync(streamRequest(), HttpResponse.BodyHandlers.fromLineSubscriber(probe))
                    .whenComplete((response, failure) -> probe.settle());
        }
        boolean all = probes.size() == streams
                && settled.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        long took = System.nanoTime() - started;
        int open = (int) probes.stream().filter(StreamProbe::isOpen).count();
        System.out.printf(
                "Opened %d of %d streams in %d ms%s; first event after %s%n",
                open,
                streams,
                took / 1_000_000,
                all ? "" : " (timed out)",
                percentiles(probes, StreamProbe::openingTime));
        return probes;
    }

    /** Holds one ticket and waits until every open stream shows it; returns how many did. */
    private int holdAndAwaitUpdates(List<StreamProbe> probes) throws Exception {
        var open = probes.stream().filter(StreamProbe::isOpen).toList();
        var token = newBuyer();
        var zone = zoneWithMostAvailable(open.getFirst());
        long before = System.nanoTime();
        open.forEach(probe -> probe.expectUpdateAfter(before));
        var order = post("/api/v1/orders", token, Map.of("eventId", eventId, "zone", zone, "quantity", 1));
        long heldAt = System.nanoTime();
        System.out.printf("Held 1 ticket in %s (%d ms)%n", zone, (heldAt - before) / 1_000_000);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (open.stream().anyMatch(probe -> probe.updateAt() == 0) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        int updated = (int) open.stream().filter(probe -> probe.updateAt() != 0).count();
        System.out.printf(
                "Updated %d of %d open streams; update after the hold was sent %s"
                        + " (a partner event's counts change before the hold answers)%n",
                updated,
                open.size(),
                percentiles(open, probe -> probe.updateAt() == 0 ? 0 : probe.updateAt() - before));
        post("/api/v1/orders/" + order.get("id").asString() + "/cancel", token, Map.of());
        return updated;
    }

    private HttpRequest streamRequest() {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/events/" + eventId + "/stream"))
                .header("Accept", "text/event-stream")
                .build();
    }

    private String findEvent() {
        for (var summary : get("/api/v1/events?size=200").get("items")) {
            if (!summary.get("status").asString().equals("ON_SALE")
                    || summary.get("available").asLong() == 0) {
                continue;
            }
            var id = summary.get("id").asString();
            var detail = get("/api/v1/events/" + id);
            if (detail.get("inventory").get("mode").asString().equals("OWNED")
                    && !detail.get("rules").get("waitingRoom").get("enabled").asBoolean()) {
                return id;
            }
        }
        throw new IllegalStateException("No owned event on sale without a waiting room; give --event-id");
    }

    private static String zoneWithMostAvailable(StreamProbe probe) {
        var zones = JSON.readTree(probe.firstData()).get("zones");
        JsonNode best = zones.get(0);
        for (var zone : zones) {
            if (zone.get("available").asLong() > best.get("available").asLong()) {
                best = zone;
            }
        }
        return best.get("code").asString();
    }

    private String newBuyer() {
        var email = "stream-load-" + UUID.randomUUID() + "@example.org";
        var password = UUID.randomUUID().toString();
        post("/api/v1/auth/register", null, Map.of("email", email, "password", password, "name", "Stream load"));
        return post("/api/v1/auth/login", null, Map.of("email", email, "password", password))
                .get("accessToken")
                .asString();
    }

    private JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    private JsonNode post(String path, @Nullable String token, Object body) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            var response =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
        } catch (IOException e) {
            throw new IllegalStateException("The server did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** p50/p95/p99/max in milliseconds of the non-zero values. */
    private static String percentiles(List<StreamProbe> probes, ToLongFunction<StreamProbe> nanos) {
        long[] sorted = probes.stream()
                .mapToLong(nanos)
                .filter(value -> value > 0)
                .map(value -> value / 1_000_000)
                .sorted()
                .toArray();
        if (sorted.length == 0) {
            return "-";
        }
        return "p50 %d ms, p95 %d ms, p99 %d ms, max %d ms"
                .formatted(
                        nearestRank(sorted, 50),
                        nearestRank(sorted, 95),
                        nearestRank(sorted, 99),
                        sorted[sorted.length - 1]);
    }

    private static long nearestRank(long[] sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static Map<String, String> parse(String[] args) {
        var known = List.of("base-url", "streams", "event-id", "pid", "opening", "timeout", "scrape-token-file");
        var options = new HashMap<String, String>();
        for (var arg : args) {
            var parts = arg.replaceFirst("^--", "").split("=", 2);
            if (!arg.startsWith("--") || parts.length != 2 || !known.contains(parts[0])) {
                throw new IllegalArgumentException("Unknown argument " + arg + "; options: "
                        + Arrays.toString(
                                known.stream().map(name -> "--" + name + "=…").toArray()));
            }
            options.put(parts[0], parts[1]);
        }
        return options;
    }
}
