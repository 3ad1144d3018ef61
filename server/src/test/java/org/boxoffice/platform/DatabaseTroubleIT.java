package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.boxoffice.BoxofficeApplication;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.boxoffice.testing.Buyers;
import org.boxoffice.testing.Sales;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A database in trouble, seen by a client: a second instance of the server against a PostgreSQL
 * of its own (a second embedded server on a fixed port and data directory), which the test
 * stops, starts again, locks or drains of connections. Every answer is a {@code 503} with {@code
 * Retry-After} within the timeouts, never a {@code 500} or a hang, and selling resumes by itself.
 * The instance has a small pool and short timeouts so that the test waits little.
 */
@BoxofficeIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseTroubleIT {

    private static final int POOL_SIZE = 4;
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(1);

    @Autowired
    DataRedisConnectionDetails redis;

    Path pgData;
    int pgPort;
    EmbeddedPostgres database;
    ConfigurableApplicationContext instance;
    int port;
    Buyers buyers;
    UUID event;

    @BeforeAll
    void startInstanceOnItsOwnDatabase() throws IOException {
        pgData = Path.of(System.getProperty("boxoffice.data-dir", "target/test-data/it"))
                .toAbsolutePath()
                .resolve("database-trouble-" + ProcessHandle.current().pid());
        deleteRecursively(pgData);
        pgPort = freePort();
        database = startDatabase();
        var standalone = redis.getStandalone();
        // Arguments, not default properties: these must win over application.yml.
        instance = new SpringApplicationBuilder(BoxofficeApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres",
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--spring.datasource.hikari.maximum-pool-size=" + POOL_SIZE,
                        "--spring.datasource.hikari.minimum-idle=1",
                        "--spring.datasource.hikari.connection-timeout=" + CONNECTION_TIMEOUT.toMillis(),
                        "--boxoffice.database.statement-timeout=1s",
                        "--boxoffice.database.lock-timeout=3s",
                        "--boxoffice.holds.answer-within=2s",
                        "--spring.data.redis.url=redis://" + standalone.getHost() + ":" + standalone.getPort(),
                        "--boxoffice.demo.enabled=false");
        port = Integer.parseInt(instance.getEnvironment().getProperty("local.server.port", "0"));
        buyers = new Buyers(instance.getBean(Accounts.class), port);
        event = new Sales(instance.getBean(Catalog.class)).arena(200, Sales.generous());
    }

    @AfterAll
    void stopInstanceAndDatabase() throws IOException {
        if (instance != null) {
            instance.close();
        }
        if (database != null) {
            database.close();
        }
        deleteRecursively(pgData);
    }

    @Test
    void aDatabaseThatIsGoneIsAnswered503DatabaseUnavailableAndSellingResumesWhenItIsBack() throws IOException {
        var buyer = buyers.many(3);
        assertThat(hold(buyer.get(0)).status()).isEqualTo(201);

        database.close();
        try {
            long started = System.nanoTime();
            var hold = hold(buyer.get(1));
            var detail = Api.at(port).get("/api/v1/events/" + event);
            var elapsed = Duration.ofNanos(System.nanoTime() - started);

            assertRefused(hold, "DATABASE_UNAVAILABLE");
            assertRefused(detail, "DATABASE_UNAVAILABLE");
            assertThat(elapsed).isLessThan(CONNECTION_TIMEOUT.multipliedBy(5));
            assertThat(Api.at(port).get("/actuator/health/readiness").status()).isEqualTo(503);
        } finally {
            database = startDatabase();
        }

        var resumed = untilSold(buyer.get(2), Duration.ofSeconds(15));
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(201);
        assertThat(Api.at(port).get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void noConnectionFreeInTimeIsAnswered503OverloadedByControllersAndFilters() throws SQLException {
        var buyer = buyers.one();
        var held = new ArrayList<Connection>();
        try {
            holdEveryConnection(instance.getBean(DataSource.class), held);

            assertRefused(hold(buyer), "OVERLOADED");
            assertRefused(Api.at(port).get("/api/v1/events/" + event), "OVERLOADED");
        } finally {
            for (var connection : held) {
                connection.close();
            }
        }
        assertThat(hold(buyer).status()).isEqualTo(201);
    }

    @Test
    void aStatementThatRunsOutOfTimeIsAnswered503Overloaded() throws SQLException {
        var buyer = buyers.one();
        try (var locker = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres", "postgres", "postgres")) {
            locker.setAutoCommit(false);
            try (var lock = locker.createStatement()) {
                lock.execute("LOCK TABLE ticket IN ACCESS EXCLUSIVE MODE");
            }
            long started = System.nanoTime();

            var detail = Api.at(port).get("/api/v1/events/" + event);
            var hold = hold(buyer);

            assertRefused(detail, "OVERLOADED");
            assertRefused(hold, "OVERLOADED");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
            locker.rollback();
        }
        assertThat(hold(buyer).status()).isEqualTo(201);
    }

    private Api.Reply hold(Api buyer) {
        return buyer.postOnce("/api/v1/orders", Map.of("eventId", event, "zone", "FLOOR", "quantity", 1));
    }

    private static void assertRefused(Api.Reply reply, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(503);
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.header("Retry-After")).isNotNull().matches("[1-9][0-9]*");
    }

    private Api.Reply untilSold(Api buyer, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        var key = UUID.randomUUID().toString();
        while (true) {
            var reply = buyer.header("Idempotency-Key", key)
                    .post("/api/v1/orders", Map.of("eventId", event, "zone", "FLOOR", "quantity", 1));
            if (reply.status() != 503 || System.nanoTime() > deadline) {
                return reply;
            }
            assertThat(reply.header("Retry-After")).isNotNull();
            pause(Duration.ofMillis(200));
        }
    }

    private static void holdEveryConnection(DataSource pool, List<Connection> held) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (held.size() < POOL_SIZE) {
            try {
                held.add(pool.getConnection());
            } catch (SQLException busy) {
                assertThat(System.nanoTime()).as("the pool's connections").isLessThan(deadline);
            }
        }
    }

    private EmbeddedPostgres startDatabase() throws IOException {
        Files.createDirectories(pgData);
        return EmbeddedPostgres.builder()
                .setPort(pgPort)
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "off")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
