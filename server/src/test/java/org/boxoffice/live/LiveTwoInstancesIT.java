package org.boxoffice.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.AllAtOnce;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
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
 * Two instances against one PostgreSQL and one Redis: the test's own server (A) and a second
 * application context (B) in the same JVM, on its own port, pointed at A's embedded engines, so
 * that it starts none of its own. B loads no demo data (A did) and runs its own simulators on a
 * port of their own; every scheduled job runs on both, as on any two instances.
 */
@BoxofficeIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveTwoInstancesIT {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    @LocalServerPort
    int portA;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcConnectionDetails database;

    @Autowired
    DataRedisConnectionDetails redis;

    OtherInstance instanceB;
    int portB;
    LiveEvents events;

    @BeforeAll
    void startSecondInstance() {
        instanceB = OtherInstance.sharing(database, redis);
        portB = instanceB.port();
        assertThat(portB).isNotZero().isNotEqualTo(portA);
        events = new LiveEvents(accounts, portA);
    }

    @AfterAll
    void stopSecondInstance() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @Test
    void buyersOnBothInstancesNeverGetTheSameTicket() throws Exception {
        var event = events.onSale(30);
        var tokens = events.buyers(90);
        var holds = new ArrayList<Callable<Api.Reply>>();
        for (int i = 0; i < tokens.size(); i++) {
            var buyer = Api.at(i % 2 == 0 ? portA : portB).as(tokens.get(i));
            holds.add(() -> LiveEvents.holdOne(buyer, event));
        }

        var replies = AllAtOnce.run(holds);

        var won = replies.stream().filter(reply -> reply.status() == 201).toList();
        assertThat(won).hasSize(30);
        assertThat(replies.stream().filter(reply -> reply.status() != 201))
                .allSatisfy(reply -> assertThat(reply.code()).isEqualTo("SOLD_OUT"));
        var tickets = new HashSet<String>();
        won.forEach(reply -> reply.json()
                .get("items")
                .forEach(item -> tickets.add(item.get("ticketId").asString())));
        assertThat(tickets).hasSize(30);
        for (int port : List.of(portA, portB)) {
            var audit = Api.at(port)
                    .as(accounts.tokenFor("admin@boxoffice.local"))
                    .get("/api/v1/admin/invariants?eventId=" + event);
            assertThat(audit.status()).isEqualTo(200);
            assertThat(audit.json().get("ok").asBoolean()).as(audit.body()).isTrue();
        }
    }

    @Test
    void aHoldOnOneInstanceReachesAStreamOnTheOtherWithinASecond() throws Exception {
        var event = events.onSale(10);
        var tokens = events.buyers(2);
        try (var onA = EventStream.open(portA, event);
                var onB = EventStream.open(portB, event)) {
            assertThat(onA.next(ONE_SECOND).held("FLOOR")).isZero();
            assertThat(onB.next(ONE_SECOND).held("FLOOR")).isZero();

            assertHoldReaches(Api.at(portA).as(tokens.get(0)), event, onB, 1);
            assertHoldReaches(Api.at(portB).as(tokens.get(1)), event, onA, 2);
        }
    }

    private static void assertHoldReaches(Api buyer, UUID event, EventStream stream, long held)
            throws InterruptedException {
        var reply = LiveEvents.holdOne(buyer, event);
        long heldAt = System.nanoTime();
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);

        var update = stream.until(received -> received.held("FLOOR") == held, ONE_SECOND);

        assertThat(Duration.ofNanos(update.arrivedAt() - heldAt)).isLessThan(ONE_SECOND);
    }
}
