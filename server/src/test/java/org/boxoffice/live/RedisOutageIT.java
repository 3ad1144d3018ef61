package org.boxoffice.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.boxoffice.BoxofficeApplication;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.boxoffice.testing.ControlledRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Redis is an accelerator: a server whose external Redis is down starts, sells and stays ready,
 * and one whose Redis goes away mid-run goes on selling and gets its live updates again when
 * Redis returns. Each test runs a server of its own, pointed at a Redis the test controls.
 */
@BoxofficeIT
class RedisOutageIT {

    private static final Duration QUICK = Duration.ofSeconds(2);

    @Autowired
    JdbcConnectionDetails database;

    final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stopWhatTheTestStarted() throws Exception {
        for (var each : started.reversed()) {
            each.close();
        }
    }

    @Test
    void aServerWhoseRedisIsDownStartsSellsAndStaysReady() throws Exception {
        var server = start(database.getJdbcUrl(), "redis://127.0.0.1:" + freePort(), Map.of());
        var events = new LiveEvents(server.getBean(Accounts.class), port(server));
        var buyer = Api.at(port(server)).as(events.buyers(1).getFirst());
        var event = events.onSale(5);

        assertPaid(holdAndPay(buyer, event));

        var health = Api.at(port(server)).get("/actuator/health/redis");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("status").asString()).isEqualTo("DOWN");
        var readiness = Api.at(port(server)).get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void aRedisThatStopsMidRunDoesNotStopSellingAndLiveUpdatesResumeWhenItReturns() throws Exception {
        int redisPort = freePort();
        var redis = new ControlledRedis(redisPort);
        started.add(redis);
        redis.start();
        // A database of its own, so that this server relays its own outbox to its own Redis; no
        // slow refresh, so that every update a stream gets came through Redis.
        var server =
                start(freshDatabase(), "redis://127.0.0.1:" + redisPort, Map.of("boxoffice.live.refresh-every", "1h"));
        int port = port(server);
        var events = new LiveEvents(server.getBean(Accounts.class), port);
        var buyers =
                events.buyers(30).stream().map(token -> Api.at(port).as(token)).iterator();
        var event = events.onSale(30);
        try (var stream = EventStream.open(port, event)) {
            stream.next(QUICK);
            assertThat(LiveEvents.holdOne(buyers.next(), event).status()).isEqualTo(201);
            stream.until(update -> update.held("FLOOR") == 1, QUICK);

            redis.stop();
            var announcements = server.getBean(ChangeAnnouncements.class);
            for (int i = 0; i < 3; i++) {
                long before = System.nanoTime();
                announcements.announce(List.of(event));
                assertThat(Duration.ofNanos(System.nanoTime() - before))
                        .as("announcing to a Redis that is away does not hold up the relay")
                        .isLessThan(Duration.ofSeconds(1));
            }
            assertThat(Api.at(port).get("/actuator/health/redis").status()).isEqualTo(503);
            long sold = 1;
            for (int i = 0; i < 3; i++) {
                long before = System.nanoTime();
                assertPaid(holdAndPay(buyers.next(), event));
                sold++;
                assertThat(Duration.ofNanos(System.nanoTime() - before))
                        .as("selling does not wait for Redis")
                        .isLessThan(QUICK);
            }

            redis.start();
            var resumed = false;
            for (int attempt = 0; attempt < 10 && !resumed; attempt++) {
                assertThat(LiveEvents.holdOne(buyers.next(), event).status()).isEqualTo(201);
                sold++;
                long expected = sold;
                resumed = stream.drainUntil(update -> update.held("FLOOR") + update.sold("FLOOR") == expected, QUICK);
            }
            assertThat(resumed)
                    .as("a change reaches the stream through Redis again")
                    .isTrue();
        }
    }

    private static Api.Reply holdAndPay(Api buyer, UUID event) {
        var hold = LiveEvents.holdOne(buyer, event);
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        return buyer.postOnce("/api/v1/orders/" + hold.json().get("id").asString() + "/payments", Map.of());
    }

    private static void assertPaid(Api.Reply paid) {
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.json().get("status").asString()).isEqualTo("PAID");
    }

    private ConfigurableApplicationContext start(String jdbcUrl, String redisUrl, Map<String, String> more) {
        var properties = new ArrayList<>(List.of(
                "server.port=0",
                "spring.datasource.url=" + jdbcUrl,
                "spring.datasource.username=" + database.getUsername(),
                "spring.datasource.password=" + database.getPassword(),
                "spring.data.redis.url=" + redisUrl,
                "boxoffice.demo.enabled=false"));
        more.forEach((key, value) -> properties.add(key + "=" + value));
        var context = new SpringApplicationBuilder(BoxofficeApplication.class)
                .properties(properties.toArray(String[]::new))
                .run();
        started.add(context::close);
        return context;
    }

    private String freshDatabase() throws Exception {
        var name = "redis_outage_" + UUID.randomUUID().toString().replace("-", "");
        try (var connection = DriverManager.getConnection(
                        database.getJdbcUrl(), database.getUsername(), database.getPassword());
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return database.getJdbcUrl().replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
