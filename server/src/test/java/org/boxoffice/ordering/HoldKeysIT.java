package org.boxoffice.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.boxoffice.audit.Invariants;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.AllAtOnce;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.boxoffice.testing.Buyers;
import org.boxoffice.testing.OtherInstance;
import org.boxoffice.testing.Sales;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A hold's {@code Idempotency-Key} is claimed and answered in the hold's own transaction, a
 * refusal that changed nothing keeps no key, and every guarantee of API.md holds as before:
 * replays get the first answer, another body is refused, duplicates on two instances place one
 * order, and a key abandoned by a crashed server is taken over.
 */
@BoxofficeIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HoldKeysIT {

    private static final String ORDERS = "/api/v1/orders";

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Invariants invariants;

    @Autowired
    JdbcConnectionDetails database;

    @Autowired
    DataRedisConnectionDetails redis;

    OtherInstance instanceB;
    Sales sales;
    Buyers buyers;

    @BeforeAll
    void startSecondInstance() {
        instanceB = OtherInstance.sharing(database, redis);
    }

    @AfterAll
    void stopSecondInstance() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @BeforeEach
    void setUp() {
        sales = new Sales(catalog);
        buyers = new Buyers(accounts, port);
    }

    @Test
    void aHoldsKeyIsAnsweredInTheTransactionThatPlacedTheOrder() {
        var event = sales.arena(10, Sales.generous());
        var key = "hold-" + UUID.randomUUID();
        var buyer = buyers.one().header("Idempotency-Key", key);

        var first = buyer.post(ORDERS, oneOnTheFloor(event));
        var replay = buyer.post(ORDERS, oneOnTheFloor(event));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        var orderId = UUID.fromString(first.json().get("id").asString());
        assertThat(jdbc.sql("""
                        SELECT k.state = 'DONE' AND k.status = 201 AND k.xmin::text = o.xmin::text
                        FROM idempotency_key k, customer_order o
                        WHERE k.key = :key AND o.id = :orderId
                        """)
                        .param("key", key)
                        .param("orderId", orderId)
                        .query(Boolean.class)
                        .single())
                .as("the key's answer was written by the transaction that wrote the order")
                .isTrue();
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.header("Content-Type")).isEqualTo(first.header("Content-Type"));
        assertThat(replay.body()).isEqualTo(first.body());
    }

    @Test
    void aReplayAfterTheSellOutGetsTheHoldItMade() {
        var event = sales.arena(1, Sales.generous());
        var buyer = buyers.one().header("Idempotency-Key", "last-" + UUID.randomUUID());
        var held = buyer.post(ORDERS, oneOnTheFloor(event));
        var late = buyers.one().postOnce(ORDERS, oneOnTheFloor(event));
        assertThat(late.code()).isEqualTo("SOLD_OUT");

        var replay = buyer.post(ORDERS, oneOnTheFloor(event));

        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.body()).isEqualTo(held.body());
    }

    @Test
    void aRefusalThatChangedNothingKeepsNoKeyAndIsDecidedAfreshOnReplay() {
        var event = sales.arena(10, Sales.generous());
        var holder = buyers.one();
        var taken = holder.postOnce(ORDERS, Map.of("eventId", event, "seats", List.of("STAND-1-1")));
        var key = "refused-" + UUID.randomUUID();
        var buyer = buyers.one().header("Idempotency-Key", key);
        var seat = Map.of("eventId", event, "seats", List.of("STAND-1-1"));

        var refused = buyer.post(ORDERS, seat);

        assertThat(refused.code()).isEqualTo("SEATS_UNAVAILABLE");
        assertThat(keysNamed(key)).isZero();
        holder.postOnce(ORDERS + "/" + taken.json().get("id").asString() + "/cancel", Map.of());
        var replay = buyer.post(ORDERS, seat);
        assertThat(replay.status()).as(replay.body()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isNull();
        InvariantsHold.forEvent(invariants, event);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        var event = sales.arena(10, Sales.generous());
        var buyer = buyers.one().header("Idempotency-Key", "reused-" + UUID.randomUUID());
        buyer.post(ORDERS, oneOnTheFloor(event));

        var other = buyer.post(ORDERS, Map.of("eventId", event, "zone", "FLOOR", "quantity", 2));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void duplicatesSentToTwoInstancesAtOncePlaceOneOrder() {
        var event = sales.arena(50, Sales.generous());
        var onA = buyers.one().header("Idempotency-Key", "twice-" + UUID.randomUUID());
        var onB = onA.onPort(instanceB.port());
        var requests = new ArrayList<Callable<Api.Reply>>();
        for (int i = 0; i < 10; i++) {
            requests.add(() -> onA.post(ORDERS, threeOnTheFloor(event)));
            requests.add(() -> onB.post(ORDERS, threeOnTheFloor(event)));
        }

        var replies = AllAtOnce.run(requests);

        assertThat(replies)
                .allSatisfy(reply -> assertThat(reply.status()).as(reply.body()).isEqualTo(201));
        assertThat(replies.stream().map(Api.Reply::body).distinct()).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM customer_order WHERE event_id = :event")
                        .param("event", event)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        InvariantsHold.forEvent(invariants, event);
    }

    @Test
    void aKeyAbandonedByACrashedServerIsTakenOverByTheHold() {
        var event = sales.arena(10, Sales.generous());
        var key = "crashed-" + UUID.randomUUID();
        var buyer = buyers.one().header("Idempotency-Key", key);
        var body = "{\"eventId\":\"" + event + "\",\"zone\":\"FLOOR\",\"quantity\":1}";
        // As a server that died mid-request two minutes ago would have left it.
        jdbc.sql("""
                        INSERT INTO idempotency_key (principal, key, request_hash, state, started_at)
                        VALUES (:principal, :key, :hash, 'RUNNING', :startedAt)
                        """)
                .param("principal", userOf(buyer))
                .param("key", key)
                .param("hash", fingerprint(body))
                .param("startedAt", Timestamp.from(Instant.now().minus(Duration.ofMinutes(2))))
                .update();

        var hold = buyer.post(ORDERS, body);

        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        assertThat(buyer.post(ORDERS, body).body()).isEqualTo(hold.body());
    }

    @Test
    void aRefusalWaitsForAClaimStillInFlightAndSendsItsAnswer() throws Exception {
        var event = sales.notYetOnSale();
        var key = "in-flight-" + UUID.randomUUID();
        var buyer = buyers.one().header("Idempotency-Key", key);
        var body = "{\"eventId\":\"" + event + "\",\"zone\":\"FLOOR\",\"quantity\":1}";
        var principal = userOf(buyer);
        var claimed = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var inFlight = CompletableFuture.runAsync(
                    () -> claimAndWait(principal, key, fingerprint(body), claimed, release), threads);
            claimed.await(10, TimeUnit.SECONDS);

            var refused = CompletableFuture.supplyAsync(() -> buyer.post(ORDERS, body), threads);
            assertThat(waitsForLock((principal + '\n' + key).hashCode()))
                    .as("the refusal waits for the claim in flight")
                    .isTrue();
            assertThat(refused).isNotDone();
            release.countDown();
            inFlight.get(10, TimeUnit.SECONDS);

            var reply = refused.get(10, TimeUnit.SECONDS);
            assertThat(reply.status()).isEqualTo(201);
            assertThat(reply.body()).isEqualTo("{\"held\":true}");
            assertThat(reply.header("Idempotent-Replayed")).isEqualTo("true");
        }
    }

    /** Claims the key with its answer, as a group of holds on another instance does, and commits on release. */
    private void claimAndWait(
            String principal, String key, byte[] hash, CountDownLatch claimed, CountDownLatch release) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('idempotency_key'), :lock)")
                    .param("lock", (principal + '\n' + key).hashCode())
                    .query()
                    .listOfRows();
            jdbc.sql("""
                            INSERT INTO idempotency_key
                                (principal, key, request_hash, state, status, content_type, body, started_at)
                            VALUES (:principal, :key, :hash, 'DONE', 201, 'application/json',
                                    convert_to('{"held":true}', 'UTF8'), now())
                            """)
                    .param("principal", principal)
                    .param("key", key)
                    .param("hash", hash)
                    .update();
            claimed.countDown();
            await(release);
        });
    }

    /** Whether a session waits for the key's advisory lock within a few seconds (as {@code pg_locks} shows). */
    private boolean waitsForLock(int lock) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            int waiting = jdbc.sql("""
                            SELECT count(*) FROM pg_locks
                            WHERE locktype = 'advisory' AND NOT granted AND objsubid = 2
                              AND objid::text::bigint = ((:lock)::bigint + 4294967296) % 4294967296
                            """).param("lock", lock).query(Integer.class).single();
            if (waiting > 0) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private int keysNamed(String key) {
        return jdbc.sql("SELECT count(*) FROM idempotency_key WHERE key = :key")
                .param("key", key)
                .query(Integer.class)
                .single();
    }

    private static String userOf(Api buyer) {
        return buyer.get("/api/v1/me").json().get("id").asString();
    }

    private static byte[] fingerprint(String body) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(("POST " + ORDERS + "\n").getBytes(StandardCharsets.UTF_8));
            return digest.digest(body.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Object> oneOnTheFloor(UUID event) {
        return Map.of("eventId", event, "zone", "FLOOR", "quantity", 1);
    }

    private static Map<String, Object> threeOnTheFloor(UUID event) {
        return Map.of("eventId", event, "zone", "FLOOR", "quantity", 3);
    }
}
