package org.boxoffice.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.BoxofficeIT;
import org.boxoffice.testing.Buyers;
import org.boxoffice.testing.OtherInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One waiting room served by two instances (the test's server A and a second context B on the
 * same PostgreSQL and Redis): one line, one front moving at the event's rate for both, tokens
 * that either instance takes, and a rate changed on one that reaches the line the other serves.
 */
@BoxofficeIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WaitingRoomTwoInstancesIT {

    @LocalServerPort
    int portA;

    @Autowired
    Accounts accounts;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcConnectionDetails database;

    @Autowired
    DataRedisConnectionDetails redis;

    OtherInstance instanceB;
    int portB;

    @BeforeAll
    void startSecondInstance() {
        // B keeps events in the catalog's read cache for 250 ms as production does (the tests' own
        // instance A runs without it).
        instanceB = OtherInstance.sharing(database, redis, "boxoffice.read-cache.time-to-live=250ms");
        portB = instanceB.port();
    }

    @AfterAll
    void stopSecondInstance() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @Test
    void bothInstancesTogetherAdmitTheEventsRateNotTwiceIt() {
        int rate = 4;
        var event = new WaitingRooms(catalog).event(Instant.now().minus(Duration.ofMinutes(1)), rate, 300);
        var onA = new Buyers(accounts, portA).many(30);
        var onB = onA.stream().map(buyer -> buyer.onPort(portB)).toList();
        var started = Instant.now();
        var places = new ArrayList<String>();
        for (int i = 0; i < onA.size(); i++) {
            var instance = i % 2 == 0 ? onA.get(i) : onB.get(i);
            places.add(WaitingRooms.join(instance, event).json().get("queueId").asString());
        }

        var admitted = new HashSet<Integer>();
        while (Duration.between(started, Instant.now()).toMillis() < 3_000) {
            for (int i = 0; i < places.size(); i++) {
                var instance = (i + admitted.size()) % 2 == 0 ? onA.get(i) : onB.get(i);
                if (!admitted.contains(i)
                        && WaitingRooms.poll(instance, event, places.get(i))
                                .json()
                                .get("admitted")
                                .asBoolean()) {
                    admitted.add(i);
                }
            }
        }
        double elapsed = Duration.between(started, Instant.now()).toMillis() / 1000.0;

        assertThat(admitted.size()).isBetween((int) (rate * (elapsed - 1)), (int) Math.ceil(rate * elapsed));
    }

    @Test
    void aPlaceTakenOnOneInstanceIsTheSamePlaceOnTheOtherAndItsTokenBuysThere() {
        var event = new WaitingRooms(catalog).event(Instant.now().minus(Duration.ofMinutes(1)), 50, 300);
        var buyerOnA = new Buyers(accounts, portA).one();
        var buyerOnB = buyerOnA.onPort(portB);

        var joined = WaitingRooms.join(buyerOnA, event);
        var again = WaitingRooms.join(buyerOnB, event);
        var token = WaitingRooms.admissionTokenOf(
                buyerOnA, event, joined.json().get("queueId").asString());
        var held = WaitingRooms.hold(buyerOnB, event, token);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("queueId")).isEqualTo(joined.json().get("queueId"));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
    }

    @Test
    void aRateChangedOnOneInstanceReachesTheLineServedByTheOtherThatCachesTheEvent() throws InterruptedException {
        var event = new WaitingRooms(catalog).event(Instant.now().minus(Duration.ofMinutes(1)), 1, 300);
        var crowd = new Buyers(accounts, portB).many(20);
        var places = crowd.stream()
                .map(buyer ->
                        WaitingRooms.join(buyer, event).json().get("queueId").asString())
                .toList();

        var changed = new Buyers(accounts, portA)
                .admin()
                .patch(
                        "/api/v1/admin/events/" + event,
                        Map.of("rules", Map.of("waitingRoom", Map.of("admitPerSecond", 1000))));
        Thread.sleep(1_100);

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        for (int i = 0; i < crowd.size(); i++) {
            var status = WaitingRooms.poll(crowd.get(i), event, places.get(i));
            assertThat(status.json().get("admitted").asBoolean())
                    .as("place %d of 20 a second after the rate went from 1 to 1000 a second: %s", i + 1, status.body())
                    .isTrue();
        }
    }
}
