package org.boxoffice.loadtest.drills;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The buyers of the fault drills, in three commands:
 *
 * <ul>
 *   <li>{@code buy}: makes a general-admission event of {@code --buyers} tickets, mints tokens
 *       for demo travelers and lets {@code --concurrency} of them at a time hold one ticket and
 *       pay, each traveler once, new ones starting for {@code --duration}; writes the ledger
 *       ({@code --ledger}) and the event id ({@code --event-file}); prints the tally; exits 1
 *       when {@code --no-abnormal} is given and any answer was not a normal one, or when {@code
 *       --no-unfinished} is given and a buyer neither paid nor was refused by the end;
 *   <li>{@code check}: reads every order of the ledger again: each one seen {@code PAID} must
 *       still be {@code PAID} with the same tickets, and the payment provider's records
 *       ({@code --simulator-url}, its control API) must show no order charged twice;
 *   <li>{@code watch-stream}: reads the event's live stream for {@code --duration} and writes
 *       one line per availability update: its arrival (epoch milliseconds) and its data.
 * </ul>
 */
public final class FaultDrillBuyers {

    private FaultDrillBuyers() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("buy | check | watch-stream, then --name=value options");
        }
        var options = options(args);
        int exit = switch (args[0]) {
            case "buy" -> buy(options);
            case "check" -> check(options);
            case "watch-stream" -> watchStream(options);
            default -> throw new IllegalArgumentException("Unknown command " + args[0]);
        };
        System.exit(exit);
    }

    private static int buy(Map<String, String> options) throws Exception {
        var http = new DrillHttp(options.get("base-url"));
        int buyers = Integer.parseInt(options.getOrDefault("buyers", "300"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "20"));
        var duration = Duration.parse("PT" + options.getOrDefault("duration", "60s"));
        var grace = Duration.parse("PT" + options.getOrDefault("grace", "150s"));
        var admin = login(http, options.get("admin-password"));
        var eventId = createEvent(http, admin, buyers);
        Files.writeString(Path.of(options.get("event-file")), eventId.toString());
        var tokens = mintTokens(http, admin, buyers);
        System.out.printf(
                "buyers: event %s, %d travelers, %d at a time, starting for %s%n",
                eventId, tokens.size(), concurrency, duration);

        var ledger = new PaidLedger();
        var tally = new BuyerTally();
        long started = System.nanoTime();
        long stopStarting = started + duration.toNanos();
        var journey = new BuyerJourney(http, eventId, ledger, tally, stopStarting + grace.toNanos());
        var next = new AtomicInteger();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int worker = 0; worker < concurrency; worker++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement();
                            i < tokens.size() && System.nanoTime() < stopStarting;
                            i = next.getAndIncrement()) {
                        journey.buy(tokens.get(i));
                    }
                    return null;
                });
            }
            try (var progress = Executors.newSingleThreadScheduledExecutor()) {
                progress.scheduleAtFixedRate(
                        () -> System.out.printf(
                                "buyers: %ds, %d started, %d seen PAID%n",
                                Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                                Math.min(next.get(), tokens.size()),
                                ledger.paid()),
                        5,
                        5,
                        java.util.concurrent.TimeUnit.SECONDS);
                pool.shutdown();
                pool.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS);
                progress.shutdownNow();
            }
        }
        ledger.write(Path.of(options.get("ledger")));
        System.out.printf(
                "buyers: done in %ds; %d orders, %d seen PAID; %s%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                ledger.entries().size(),
                ledger.paid(),
                tally.summary());
        boolean abnormal = options.containsKey("no-abnormal") && tally.abnormalCount() > 0;
        boolean unfinished = options.containsKey("no-unfinished") && tally.count(BuyerTally.Outcome.UNFINISHED) > 0;
        return abnormal || unfinished ? 1 : 0;
    }

    private static int check(Map<String, String> options) throws Exception {
        var http = new DrillHttp(options.get("base-url"));
        var simulator = new DrillHttp(options.get("simulator-url"));
        var ledger = PaidLedger.read(Path.of(options.get("ledger")));
        int lost = 0;
        int changed = 0;
        int chargedTwice = 0;
        int refundedExtra = 0;
        int unreadable = 0;
        for (var entry : ledger.entries()) {
            if (entry.seenPaid()) {
                var now = http.get("/api/v1/orders/" + entry.orderId(), entry.token());
                if (now.status() != 200) {
                    unreadable++;
                    System.out.println("check: cannot read order " + entry.orderId() + ": " + now.status());
                } else if (!"PAID".equals(now.body().path("status").asString(""))) {
                    lost++;
                    System.out.println("check: order " + entry.orderId() + " was seen PAID, now "
                            + now.body().path("status").asString(""));
                } else if (!PaidLedger.tickets(now.body()).equals(entry.paidTickets())) {
                    changed++;
                    System.out.println("check: order " + entry.orderId() + " has other tickets than seen");
                }
            }
            var records = simulator.get("/_control/payments?reference=" + entry.orderId(), null);
            int succeeded = 0;
            int refunded = 0;
            for (var payment : records.body().path("payments").values()) {
                switch (payment.path("status").asString("")) {
                    case "SUCCEEDED" -> succeeded++;
                    case "REFUNDED" -> refunded++;
                    default -> {}
                }
            }
            if (succeeded > 1) {
                chargedTwice++;
                System.out.println("check: order " + entry.orderId() + " charged " + succeeded + " times");
            }
            if (refunded > 0 && succeeded + refunded > 1) {
                refundedExtra++;
            }
        }
        long paid = ledger.entries().stream().filter(PaidLedger.Entry::seenPaid).count();
        System.out.printf(
                "check: %d orders, %d seen PAID: %d no longer PAID, %d with other tickets, %d unreadable; "
                        + "provider: %d charged twice, %d with an extra charge refunded%n",
                ledger.entries().size(), paid, lost, changed, unreadable, chargedTwice, refundedExtra);
        return lost + changed + unreadable + chargedTwice == 0 ? 0 : 1;
    }

    private static int watchStream(Map<String, String> options) throws Exception {
        var base = options.get("base-url");
        new DrillHttp(base); // refuses a base URL that is not loopback
        var eventId = Files.readString(Path.of(options.get("event-file"))).strip();
        var out = Path.of(options.get("out"));
        var until = Instant.now().plus(Duration.parse("PT" + options.getOrDefault("duration", "60s")));
        var client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        Files.writeString(out, "");
        while (Instant.now().isBefore(until)) {
            var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/events/" + eventId + "/stream"))
                    .header("Accept", "text/event-stream")
                    .build();
            try {
                var response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                readUpdates(response.body(), out, until);
            } catch (IOException e) {
                Thread.sleep(500);
            }
        }
        return 0;
    }

    private static void readUpdates(InputStream body, Path out, Instant until) throws IOException {
        var closer = Thread.startVirtualThread(() -> {
            try {
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), until).toMillis()));
                body.close();
            } catch (InterruptedException | IOException e) {
                // the stream ended first
            }
        });
        try (var lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = null;
            for (var line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:") && "availability".equals(name)) {
                    Files.writeString(
                            out,
                            System.currentTimeMillis() + " " + line.substring(5).strip() + "\n",
                            StandardOpenOption.APPEND);
                } else if (line.isEmpty()) {
                    name = null;
                }
            }
        } finally {
            closer.interrupt();
        }
    }

    private static String login(DrillHttp http, String password) throws InterruptedException {
        var answer = http.post(
                "/api/v1/auth/login", null, null, Map.of("email", "admin@boxoffice.local", "password", password));
        if (answer.status() != 200) {
            throw new IllegalStateException("Admin login failed: " + answer.status());
        }
        return answer.body().path("accessToken").asString();
    }

    private static UUID createEvent(DrillHttp http, String admin, int capacity) throws InterruptedException {
        var now = Instant.now();
        var definition = Map.of(
                "kind", "CONCERT",
                "title", "Fault drill " + UUID.randomUUID(),
                "startsAt", now.plus(Duration.ofDays(30)).toString(),
                "saleStartsAt", now.minus(Duration.ofHours(1)).toString(),
                "saleEndsAt", now.plus(Duration.ofDays(29)).toString(),
                "currency", "KZT",
                "status", "ON_SALE",
                "zones",
                        List.of(Map.of(
                                "code",
                                "FLOOR",
                                "price",
                                Map.of("amount", 1_000_000, "currency", "KZT"),
                                "capacity",
                                capacity)),
                "rules", Map.of("maxTicketsPerUser", 10, "maxActiveOrdersPerUser", 10));
        var answer = http.post("/api/v1/admin/events", admin, null, definition);
        if (answer.status() != 201) {
            throw new IllegalStateException(
                    "Creating the drill's event failed: " + answer.status() + " " + answer.body());
        }
        return UUID.fromString(answer.body().path("id").asString());
    }

    private static List<String> mintTokens(DrillHttp http, String admin, int travelers) throws InterruptedException {
        var emails = IntStream.rangeClosed(1, travelers)
                .mapToObj(i -> "traveler%05d@demo.boxoffice.org".formatted(i))
                .toList();
        var tokens = new ArrayList<String>();
        for (int from = 0; from < emails.size(); from += 1_000) {
            var slice = emails.subList(from, Math.min(emails.size(), from + 1_000));
            var answer = http.post("/api/v1/admin/tokens", admin, null, Map.of("emails", slice));
            if (answer.status() != 200) {
                throw new IllegalStateException("Minting tokens failed: " + answer.status());
            }
            answer.body()
                    .path("tokens")
                    .values()
                    .forEach(minted -> tokens.add(minted.path("accessToken").asString()));
        }
        return tokens;
    }

    private static Map<String, String> options(String[] args) {
        var options = new HashMap<String, String>();
        for (int i = 1; i < args.length; i++) {
            var arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Options look like --name=value: " + arg);
            }
            int equals = arg.indexOf('=');
            if (equals < 0) {
                options.put(arg.substring(2), "true");
            } else {
                options.put(arg.substring(2, equals), arg.substring(equals + 1));
            }
        }
        return options;
    }
}
