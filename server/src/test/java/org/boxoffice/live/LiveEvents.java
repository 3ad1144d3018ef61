package org.boxoffice.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.Api;

/**
 * Events and buyers for the live tests, made over HTTP: a general-admission event with a FLOOR
 * zone priced on demand, so that a hold changes both the counts and the price.
 */
final class LiveEvents {

    static final long FLOOR_PRICE = 1_000_000;

    private final Accounts accounts;
    private final Api admin;

    LiveEvents(Accounts accounts, int port) {
        this.accounts = accounts;
        this.admin = Api.at(port).as(accounts.tokenFor("admin@boxoffice.local"));
    }

    UUID onSale(int capacity) {
        return create(capacity, "ON_SALE");
    }

    UUID draft() {
        return create(10, "DRAFT");
    }

    /** Tokens of new buyers, usable on any instance. */
    List<String> buyers(int count) {
        var emails = IntStream.range(0, count)
                .mapToObj(i -> "live-" + UUID.randomUUID() + "@example.org")
                .toList();
        accounts.addTravelers(emails, emails.stream().map(email -> "Live buyer").toList());
        var tokens = accounts.tokensFor(emails);
        return emails.stream().map(tokens::get).toList();
    }

    static Api.Reply holdOne(Api buyer, UUID eventId) {
        return buyer.postOnce("/api/v1/orders", Map.of("eventId", eventId, "zone", "FLOOR", "quantity", 1));
    }

    private UUID create(int capacity, String status) {
        var now = Instant.now();
        var definition = Map.of(
                "kind", "CONCERT",
                "title", "Live " + UUID.randomUUID(),
                "startsAt", now.plus(Duration.ofDays(30)).toString(),
                "saleStartsAt", now.minus(Duration.ofHours(1)).toString(),
                "saleEndsAt", now.plus(Duration.ofDays(29)).toString(),
                "currency", "KZT",
                "status", status,
                "zones",
                        List.of(Map.of(
                                "code",
                                "FLOOR",
                                "price",
                                Map.of("amount", FLOOR_PRICE, "currency", "KZT"),
                                "capacity",
                                capacity)),
                "pricing", Map.of("mode", "DEMAND"));
        var reply = admin.post("/api/v1/admin/events", definition);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return UUID.fromString(reply.json().get("id").asString());
    }
}
