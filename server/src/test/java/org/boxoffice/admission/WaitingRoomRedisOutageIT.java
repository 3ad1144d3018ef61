package org.boxoffice.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.boxoffice.BoxofficeApplication;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.boxoffice.testing.Buyers;
import org.boxoffice.testing.ControlledRedis;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * The waiting room when Redis goes away during a sale and comes back empty: joining and polling
 * answer 503 with Retry-After meanwhile, admitted buyers go on buying with their tokens, and
 * afterwards everyone joins again. The database, not the queue, keeps the tickets: nothing is
 * sold twice.
 */
@BoxofficeIT
class WaitingRoomRedisOutageIT {

    @Autowired
    JdbcConnectionDetails database;

    @Test
    void admittedBuyersBuyWhileRedisIsAwayAndTheRestJoinAgainAfterwards() throws Exception {
        try (var redis = new ControlledRedis()) {
            redis.start();
            try (var server = new SpringApplicationBuilder(BoxofficeApplication.class)
                    .properties(
                            "server.port=0",
                            "spring.datasource.url=" + freshDatabase(),
                            "spring.datasource.username=" + database.getUsername(),
                            "spring.datasource.password=" + database.getPassword(),
                            "spring.data.redis.url=" + redis.url(),
                            "boxoffice.demo.enabled=false")
                    .run()) {
                int port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port", "0"));
                var buyers = new Buyers(server.getBean(Accounts.class), port);
                var event = new WaitingRooms(server.getBean(Catalog.class))
                        .event(Instant.now().minus(Duration.ofMinutes(1)), 100, 300);
                var admitted = buyers.one();
                var waiting = buyers.one();
                var token = WaitingRooms.admissionTokenOf(
                        admitted,
                        event,
                        WaitingRooms.join(admitted, event).json().get("queueId").asString());
                var place =
                        WaitingRooms.join(waiting, event).json().get("queueId").asString();

                redis.stop();
                var joinWhileAway = WaitingRooms.join(buyers.one(), event);
                var pollWhileAway = WaitingRooms.poll(waiting, event, place);
                var holdWhileAway = WaitingRooms.hold(admitted, event, token);
                redis.start();
                var pollAfterwards = pollUntilRedisAnswers(waiting, event, place);
                var joinAfterwards = WaitingRooms.join(waiting, event);

                assertThat(joinWhileAway.status()).isEqualTo(503);
                assertThat(joinWhileAway.code()).isEqualTo("WAITING_ROOM_UNAVAILABLE");
                assertThat(joinWhileAway.header("Retry-After")).isNotBlank();
                assertThat(pollWhileAway.status()).isEqualTo(503);
                assertThat(holdWhileAway.status()).as(holdWhileAway.body()).isEqualTo(201);
                assertThat(pollAfterwards.code()).isEqualTo("QUEUE_ENTRY_NOT_FOUND");
                assertThat(joinAfterwards.status()).isEqualTo(201);
                var audit = buyers.admin().get("/api/v1/admin/invariants?eventId=" + event);
                assertThat(audit.json().get("ok").asBoolean()).as(audit.body()).isTrue();
            }
        }
    }

    /** The client reconnects by itself a moment after Redis is back. */
    private static Api.Reply pollUntilRedisAnswers(Api buyer, UUID event, String place) throws InterruptedException {
        var deadline = Instant.now().plusSeconds(15);
        Api.Reply reply;
        do {
            reply = WaitingRooms.poll(buyer, event, place);
            if (reply.status() != 503) {
                return reply;
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(deadline));
        return reply;
    }

    private String freshDatabase() throws Exception {
        var name = "waiting_room_outage_" + UUID.randomUUID().toString().replace("-", "");
        try (var connection = DriverManager.getConnection(
                        database.getJdbcUrl(), database.getUsername(), database.getPassword());
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return database.getJdbcUrl().replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
    }
}
