package org.boxoffice.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.ordering.StalledDrain.awaitTrue;
import static org.boxoffice.ordering.StalledDrain.hold;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.boxoffice.audit.Invariants;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.AllAtOnce;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.Buyers;
import org.boxoffice.testing.Sales;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Each event's share of the server ({@code admission.shares}): an event whose requests are stuck
 * takes no more than its share of the places, its further requests wait in its own line and are
 * refused after the share's patience, having changed nothing, and another event sells meanwhile.
 *
 * <p>Holds on the single path ({@code holds.grouped=false}), because a stuck one keeps its place:
 * its request waits in the database on its own thread. (A grouped hold parked until its group is
 * decided lends its place out, LoadSheddingIT.) Its own server (a second context on the same
 * engines) with few places, and lock timeouts long enough that the stall lasts as long as the test
 * wants.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestPropertySource(
        properties = {
            "boxoffice.admission.shares.places=" + EventSharesIT.PLACES,
            "boxoffice.admission.shares.most-per-event=" + EventSharesIT.PER_EVENT,
            "boxoffice.admission.shares.patience=3s",
            "boxoffice.holds.grouped=false",
            "boxoffice.database.lock-timeout=60s",
            "boxoffice.database.statement-timeout=60s"
        })
class EventSharesIT {

    static final int PLACES = 8;
    static final int PER_EVENT = 4;
    /** Holds of the stuck event beyond its share, which the stall takes: they wait, then are refused. */
    private static final int CROWD = 12;

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    Accounts accounts;

    @Autowired
    Invariants invariants;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    Sales sales;
    Buyers buyers;

    @BeforeEach
    void setUp() {
        sales = new Sales(catalog);
        buyers = new Buyers(accounts, port);
    }

    @AfterEach
    void tearDown() {
        background.close();
    }

    @Test
    void aStuckEventKeepsToItsShareWhileAnotherEventSells() throws Exception {
        var stuck = sales.arena(CROWD + 10, Sales.generous());
        var other = sales.arena(100, Sales.generous());
        var crowd = buyers.many(CROWD);
        var othersBuyers = buyers.many(PLACES);
        double refusedBefore = refused();

        CompletableFuture<List<Api.Reply>> flood;
        List<Api.Reply> othersReplies;
        List<Api.Reply> replies;
        try (var _ = new StalledDrain(stuck, PER_EVENT, dataSource, jdbc, buyers, background)) {
            assertThat(running()).isEqualTo(PER_EVENT);
            flood = CompletableFuture.supplyAsync(() -> AllAtOnce.send(crowd, buyer -> hold(buyer, stuck)), background);
            awaitTrue("the crowd waiting in the stuck event's line", () -> waiting() == CROWD);

            othersReplies = AllAtOnce.send(othersBuyers, buyer -> hold(buyer, other));

            awaitTrue("only the stuck event's share still running", () -> running() == PER_EVENT);
            replies = flood.get();
        }

        assertThat(replies).hasSize(CROWD).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.code()).isEqualTo("OVERLOADED");
            assertThat(reply.header("Retry-After")).isEqualTo("2");
        });
        assertThat(othersReplies)
                .as("the other event's holds, during the stall")
                .allSatisfy(reply -> assertThat(reply.status()).isEqualTo(201));
        assertThat(refused() - refusedBefore).isEqualTo(CROWD);
        assertThat(liveOrders(stuck))
                .as("the stalled holds, decided once let go")
                .isEqualTo(PER_EVENT);
        awaitTrue("every place given back", () -> running() == 0 && waiting() == 0);
        InvariantsHold.forEvent(invariants, stuck);
        InvariantsHold.forEvent(invariants, other);
    }

    @Test
    void aHoldRefusedForWantOfAPlaceStoredNoKeySoItsReplayIsDecidedAfresh() throws Exception {
        var stuck = sales.arena(20, Sales.generous());
        var buyer = buyers.one().header("Idempotency-Key", "no-place-" + UUID.randomUUID());
        var hold = Map.of("eventId", stuck, "zone", "FLOOR", "quantity", 1);
        Api.Reply refused;
        try (var _ = new StalledDrain(stuck, PER_EVENT, dataSource, jdbc, buyers, background)) {
            refused = buyer.post("/api/v1/orders", hold);
        }

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("OVERLOADED");
        var replayed = buyer.post("/api/v1/orders", hold);
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.header("Idempotent-Replayed")).isNull();
        InvariantsHold.forEvent(invariants, stuck);
    }

    private double running() {
        var gauge = meters.find("boxoffice.admission.shares.running").gauge();
        return gauge == null ? 0 : gauge.value();
    }

    private double waiting() {
        var gauge = meters.find("boxoffice.admission.shares.waiting").gauge();
        return gauge == null ? 0 : gauge.value();
    }

    private double refused() {
        var counter = meters.find("boxoffice.admission.shares.refused").counter();
        return counter == null ? 0 : counter.count();
    }

    private long liveOrders(UUID event) {
        return jdbc.sql("SELECT count(*) FROM customer_order WHERE event_id = :event AND status IN ('HELD', 'PAID')")
                .param("event", event)
                .query(Long.class)
                .single();
    }
}
