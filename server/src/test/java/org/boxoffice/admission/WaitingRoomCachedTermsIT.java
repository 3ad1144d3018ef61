package org.boxoffice.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.stream.Collectors;
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
 * The tests run with the catalog's read cache off; production keeps an event's terms for 250 ms,
 * and a change made on one instance reaches another's cache only when that copy expires. Here an
 * instance with that cache serves the line while the change is made on the test's own instance,
 * and joins follow at once. (Joins write the terms only into a line that has none; making them write
 * always did not fail this test, so the stale copy did not reach a join here: it shows that the
 * change arrives with the cache on, not that guard.)
 */
@BoxofficeIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WaitingRoomCachedTermsIT {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcConnectionDetails database;

    @Autowired
    DataRedisConnectionDetails redis;

    OtherInstance cached;

    @BeforeAll
    void startAnInstanceThatCachesEvents() {
        cached = OtherInstance.sharing(database, redis, "boxoffice.read-cache.time-to-live=250ms");
    }

    @AfterAll
    void stopIt() {
        if (cached != null) {
            cached.close();
        }
    }

    @Test
    void aNewRateReachesARunningLineOnAnInstanceThatCachedTheOldTerms() throws InterruptedException {
        var event = new WaitingRooms(catalog).event(Instant.now().minus(Duration.ofMinutes(1)), 1, 300);
        var buyers = new Buyers(accounts, cached.port());
        var crowd = new ArrayList<>(buyers.many(20));
        var places = crowd.stream()
                .map(buyer ->
                        WaitingRooms.join(buyer, event).json().get("queueId").asString())
                .collect(Collectors.toCollection(ArrayList::new));

        var late = buyers.many(5);
        // Changed through the other instance: this one's cache keeps the old terms for up to 250 ms.
        var admin = new Buyers(accounts, port).admin();
        WaitingRooms.join(crowd.getFirst(), event); // this instance caches the terms now
        var changed = admin.patch(
                "/api/v1/admin/events/" + event,
                Map.of("rules", Map.of("waitingRoom", Map.of("admitPerSecond", 1000))));
        // Within the cache's 250 ms of the last read: joins that may read the old terms.
        late.forEach(buyer -> {
            crowd.add(buyer);
            places.add(WaitingRooms.join(buyer, event).json().get("queueId").asString());
        });
        Thread.sleep(1_100);

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        for (int i = 0; i < crowd.size(); i++) {
            var status = WaitingRooms.poll(crowd.get(i), event, places.get(i));
            assertThat(status.json().get("admitted").asBoolean())
                    .as("place %d of 25 after the rate went from 1 to 1000 a second: %s", i + 1, status.body())
                    .isTrue();
        }
    }
}
