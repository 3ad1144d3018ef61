package org.boxoffice.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The availability stream over HTTP, as a browser's EventSource sees it. */
@BoxofficeIT
class LiveStreamIT {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    LiveAvailability live;

    LiveEvents events;

    @BeforeEach
    void setUp() {
        events = new LiveEvents(accounts, port);
    }

    @Test
    void theCurrentCountsAndPriceComeAtOnce() throws Exception {
        var event = events.onSale(10);
        LiveEvents.holdOne(Api.at(port).as(events.buyers(1).getFirst()), event);

        try (var stream = EventStream.open(port, event)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            var first = stream.next(ONE_SECOND);

            assertThat(first.data().get("eventId").asString()).isEqualTo(event.toString());
            var floor = first.zone("FLOOR");
            assertThat(floor.get("available").asLong()).isEqualTo(9);
            assertThat(floor.get("held").asLong()).isEqualTo(1);
            assertThat(floor.get("sold").asLong()).isZero();
            // DEMAND pricing: base * (1/10 * 2 + 1), money as everywhere in the API.
            assertThat(floor.get("price").get("amount").asLong()).isEqualTo(1_200_000);
            assertThat(floor.get("price").get("currency").asString()).isEqualTo("KZT");
            assertThat(floor.properties())
                    .extracting(Map.Entry::getKey)
                    .containsExactly("code", "available", "held", "sold", "price");
        }
    }

    @Test
    void aHoldShowsUpWithinASecond() throws Exception {
        var event = events.onSale(10);
        var buyer = Api.at(port).as(events.buyers(1).getFirst());
        try (var stream = EventStream.open(port, event)) {
            assertThat(stream.next(ONE_SECOND).held("FLOOR")).isZero();

            var held = LiveEvents.holdOne(buyer, event);
            long heldAt = System.nanoTime();
            assertThat(held.status()).isEqualTo(201);

            var update = stream.next(ONE_SECOND);
            assertThat(update.held("FLOOR")).isEqualTo(1);
            assertThat(update.zone("FLOOR").get("price").get("amount").asLong()).isEqualTo(1_200_000);
            assertThat(Duration.ofNanos(update.arrivedAt() - heldAt)).isLessThan(ONE_SECOND);
        }
    }

    @Test
    void aCancelShowsUpToo() throws Exception {
        var event = events.onSale(10);
        var buyer = Api.at(port).as(events.buyers(1).getFirst());
        var orderId = LiveEvents.holdOne(buyer, event).json().get("id").asString();
        try (var stream = EventStream.open(port, event)) {
            assertThat(stream.next(ONE_SECOND).held("FLOOR")).isEqualTo(1);

            assertThat(buyer.postOnce("/api/v1/orders/" + orderId + "/cancel", "{}")
                            .status())
                    .isEqualTo(200);

            assertThat(stream.next(ONE_SECOND).held("FLOOR")).isZero();
        }
    }

    @Test
    void aBurstOfHoldsIsSentAtMostEveryQuarterSecond() throws Exception {
        var event = events.onSale(100);
        var buyers =
                events.buyers(40).stream().map(token -> Api.at(port).as(token)).toList();
        try (var stream = EventStream.open(port, event);
                var crowd = Executors.newVirtualThreadPerTaskExecutor()) {
            stream.next(ONE_SECOND);
            long started = System.nanoTime();
            var holds = new ArrayList<Future<Api.Reply>>();
            for (var buyer : buyers) {
                holds.add(crowd.submit(() -> LiveEvents.holdOne(buyer, event)));
                Thread.sleep(25);
            }
            for (var hold : holds) {
                assertThat(hold.get().status()).isEqualTo(201);
            }

            var updates = new ArrayList<EventStream.Received>();
            do {
                updates.add(stream.next(Duration.ofSeconds(2)));
            } while (updates.getLast().held("FLOOR") < 40);

            long spanMillis =
                    Duration.ofNanos(updates.getLast().arrivedAt() - started).toMillis();
            // Forty holds over about a second: a handful of updates, never one per hold...
            assertThat(updates.size()).isBetween(2, (int) (spanMillis / 250) + 2);
            // ...and never two in one tick (arrival times jitter by some tens of ms on a busy machine).
            for (int i = 1; i < updates.size(); i++) {
                var gap = Duration.ofNanos(
                        updates.get(i).arrivedAt() - updates.get(i - 1).arrivedAt());
                assertThat(gap).isGreaterThan(Duration.ofMillis(100));
            }
        }
    }

    @Test
    void anUnknownEventIsNotFound() throws Exception {
        try (var stream = EventStream.open(port, UUID.randomUUID())) {
            assertThat(stream.status()).isEqualTo(404);
            assertThat(stream.problem().get("code").asString()).isEqualTo("EVENT_NOT_FOUND");
        }
    }

    @Test
    void aDraftIsNotFoundExceptForAdministrators() throws Exception {
        var draft = events.draft();
        try (var anonymous = EventStream.open(port, draft);
                var admin = EventStream.open(port, draft, accounts.tokenFor("admin@boxoffice.local"))) {
            assertThat(anonymous.status()).isEqualTo(404);
            assertThat(anonymous.problem().get("code").asString()).isEqualTo("EVENT_NOT_FOUND");
            assertThat(admin.status()).isEqualTo(200);
            assertThat(admin.next(ONE_SECOND).held("FLOOR")).isZero();
        }
    }

    @Test
    void aClosedStreamIsForgotten() throws Exception {
        var event = events.onSale(10);
        int before = live.subscriberCount();
        var stream = EventStream.open(port, event);
        stream.next(ONE_SECOND);
        assertThat(live.subscriberCount()).isEqualTo(before + 1);

        stream.close();

        // The server notices a vanished client when a write fails (the first one after the close may
        // still fit in the socket's buffer): make writes happen.
        var buyers =
                events.buyers(10).stream().map(token -> Api.at(port).as(token)).iterator();
        while (live.subscriberCount() > before && buyers.hasNext()) {
            LiveEvents.holdOne(buyers.next(), event);
            Thread.sleep(400);
        }
        assertThat(live.subscriberCount()).isEqualTo(before);
    }
}
