package org.boxoffice.eventstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.AllAtOnce;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.boxoffice.testing.Buyers;
import org.boxoffice.testing.KafkaBroker;
import org.boxoffice.testing.OtherInstance;
import org.boxoffice.testing.Sales;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox on a real Kafka broker (KRaft, in the test JVM, restarted with its log). The test's own server sells; two
 * more instances, pointed at its PostgreSQL and at the broker, publish (one at a time). Every
 * test names the orders it made and checks that each of their outbox rows is on the topic,
 * keyed by its event, in outbox order per key (duplicates only as re-sends).
 */
@BoxofficeIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventStreamIT {

    private static final String TOPIC = "boxoffice.events";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcConnectionDetails database;

    @Autowired
    DataRedisConnectionDetails redis;

    KafkaBroker broker;
    List<OtherInstance> publishers = new ArrayList<>();
    Sales sales;
    Buyers buyers;

    @BeforeAll
    void startBrokerAndPublishers() throws Exception {
        broker = new KafkaBroker();
        broker.start();
        for (int i = 0; i < 2; i++) {
            publishers.add(OtherInstance.sharing(
                    database,
                    redis,
                    "spring.kafka.bootstrap-servers=" + bootstrapServers(),
                    "boxoffice.event-stream.partitions=3",
                    "boxoffice.event-stream.interval=50ms",
                    "boxoffice.event-stream.leader-retry=200ms"));
        }
        sales = new Sales(catalog);
        buyers = new Buyers(accounts, port);
    }

    @AfterAll
    void stopBrokerAndPublishers() {
        publishers.forEach(OtherInstance::close);
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void everyChangeOfAnOrderIsOnTheTopicKeyedByItsEventInOrder() throws Exception {
        var orders = sellAndChangeOrders(8);

        var expected = outboxRowsOf(orders);
        try (var reader = new TopicReader(bootstrapServers(), TOPIC)) {
            var messages = reader.readUntil(containsAll(expected.keySet()), PATIENCE);

            assertThat(ids(messages)).containsAll(expected.keySet());
            assertInOrderPerKey(messages);
            for (var message : ofRows(messages, expected.keySet())) {
                var row = expected.get(message.id());
                assertThat(message.value().get("type").asString()).isEqualTo(row.type());
                assertThat(message.value().get("orderId").asString()).isEqualTo(row.orderId());
                assertThat(message.value().get("eventId").asString()).isEqualTo(message.key());
                assertThat(message.value().get("occurredAt").asString()).isNotBlank();
                assertThat(message.value().get("payload").isObject()).isTrue();
            }
        }
        assertThat(expected.values()).extracting(Row::type).contains("OrderHeld", "OrderPaid", "OrderCancelled");
    }

    @Test
    @Order(2)
    void whileKafkaIsDownSalesGoOnAndTheirEventsFollowWhenItIsBack() throws Exception {
        broker.stop();
        var event = sales.arena(50, Sales.generous());
        var orders = new ArrayList<UUID>();
        for (var buyer : buyers.many(10)) {
            long started = System.nanoTime();
            orders.add(hold(buyer, event));
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("a hold does not wait for Kafka")
                    .isLessThan(Duration.ofSeconds(2));
        }
        await(() -> lagOfThePublisher() > 1, "the rows wait in the outbox, and the lag shows it");

        broker.start();

        var expected = outboxRowsOf(orders);
        try (var reader = new TopicReader(bootstrapServers(), TOPIC)) {
            var messages = reader.readUntil(containsAll(expected.keySet()), PATIENCE);

            assertThat(ids(messages)).containsAll(expected.keySet());
            assertInOrderPerKey(messages);
        }
        await(() -> lagOfThePublisher() == 0, "the lag falls back to zero");
    }

    @Test
    @Order(3)
    void anotherInstanceCarriesOnWhenThePublisherLosesItsLockAndStops() throws Exception {
        var event = sales.arena(200, Sales.generous());
        var buyersOfEvent = buyers.many(60);
        var orders = new CopyOnWriteArrayList<UUID>();
        try (var selling = Executors.newSingleThreadExecutor()) {
            var sold = selling.submit(() -> {
                for (var buyer : buyersOfEvent) {
                    orders.add(hold(buyer, event));
                }
            });
            await(() -> orders.size() >= 20, "selling has begun");
            terminateThePublishersConnection();
            await(() -> orders.size() >= 40, "selling goes on");
            var leader = currentPublisher();
            leader.close();
            publishers.remove(leader);
            sold.get();
        }
        await(() -> currentPublisherOrNull() != null, "the other instance publishes");

        var expected = outboxRowsOf(orders);
        try (var reader = new TopicReader(bootstrapServers(), TOPIC)) {
            var messages = reader.readUntil(containsAll(expected.keySet()), PATIENCE);

            assertThat(ids(messages)).containsAll(expected.keySet());
            assertInOrderPerKey(messages);
        }
    }

    private String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Holds, pays, and cancels orders of two events at once; returns every order made. */
    private List<UUID> sellAndChangeOrders(int buyersPerEvent) throws Exception {
        var events = List.of(sales.arena(50, Sales.generous()), sales.arena(50, Sales.generous()));
        var changes = new ArrayList<Callable<UUID>>();
        for (var event : events) {
            var eventBuyers = buyers.many(buyersPerEvent);
            for (int i = 0; i < eventBuyers.size(); i++) {
                var buyer = eventBuyers.get(i);
                boolean pay = i % 2 == 0;
                changes.add(() -> {
                    var order = hold(buyer, event);
                    var path = "/api/v1/orders/" + order + (pay ? "/payments" : "/cancel");
                    assertThat(buyer.postOnce(path, Map.of()).status()).isLessThan(300);
                    return order;
                });
            }
        }
        return AllAtOnce.run(changes);
    }

    private static UUID hold(Api buyer, UUID event) {
        var order = buyer.postOnce("/api/v1/orders", Map.of("eventId", event, "zone", "FLOOR", "quantity", 1));
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        return UUID.fromString(order.json().get("id").asString());
    }

    record Row(String type, String orderId) {}

    /** The outbox rows of these orders, by id. */
    private Map<Long, Row> outboxRowsOf(Collection<UUID> orders) {
        var rows = new LinkedHashMap<Long, Row>();
        jdbc.sql("""
                        SELECT id, event_type, aggregate_id FROM outbox_event
                         WHERE aggregate_type = 'order' AND aggregate_id = ANY(:orders)
                         ORDER BY id
                        """)
                .param("orders", orders.toArray(UUID[]::new))
                .query((rs, n) ->
                        rows.put(rs.getLong("id"), new Row(rs.getString("event_type"), rs.getString("aggregate_id"))))
                .list();
        return rows;
    }

    private static Predicate<List<TopicReader.Message>> containsAll(Collection<Long> ids) {
        return messages -> new HashSet<>(ids(messages)).containsAll(ids);
    }

    private static List<Long> ids(List<TopicReader.Message> messages) {
        return messages.stream().map(TopicReader.Message::id).toList();
    }

    private static List<TopicReader.Message> ofRows(List<TopicReader.Message> messages, Collection<Long> ids) {
        return messages.stream().filter(message -> ids.contains(message.id())).toList();
    }

    /**
     * Per key, each message is either new and later than every message of that key before it,
     * or a copy of one already read (a batch sent again).
     */
    private static void assertInOrderPerKey(List<TopicReader.Message> messages) {
        var lastByKey = new LinkedHashMap<String, Long>();
        var seen = new HashSet<Long>();
        for (var message : messages) {
            if (seen.add(message.id())) {
                var last = lastByKey.getOrDefault(message.key(), Long.MIN_VALUE);
                assertThat(message.id())
                        .as("order within key %s", message.key())
                        .isGreaterThan(last);
                lastByKey.put(message.key(), message.id());
            }
        }
    }

    private void terminateThePublishersConnection() {
        var ended = jdbc.sql("""
                        SELECT pg_terminate_backend(pid) FROM pg_locks
                         WHERE locktype = 'advisory'
                           AND classid = hashtext('eventstream')::oid
                           AND objid = hashtext('kafka_publisher')::oid
                           AND objsubid = 2
                        """).query(Boolean.class).list();
        assertThat(ended).containsExactly(true);
    }

    private OtherInstance currentPublisher() {
        await(() -> currentPublisherOrNull() != null, "an instance publishes");
        return Objects.requireNonNull(currentPublisherOrNull());
    }

    private @Nullable OtherInstance currentPublisherOrNull() {
        return publishers.stream()
                .filter(instance -> instance.bean(OutboxPublisher.class).isPublishing())
                .findFirst()
                .orElse(null);
    }

    private double lagOfThePublisher() {
        var publisher = currentPublisherOrNull();
        if (publisher == null) {
            return -1;
        }
        var meters = publisher.bean(MeterRegistry.class);
        return meters.get("boxoffice.eventstream.lag").gauge().value();
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
