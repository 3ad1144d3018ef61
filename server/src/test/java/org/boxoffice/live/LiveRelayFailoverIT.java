package org.boxoffice.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Exactly one relay reads the outbox; when it stops, another takes over. */
@BoxofficeIT
class LiveRelayFailoverIT {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    OutboxRelay serverRelay;

    @Autowired
    JdbcConnectionDetails database;

    @Autowired
    ChangeAnnouncements announcements;

    @Test
    void anotherRelayTakesOverWhenTheLeaderStops() throws Exception {
        var settings = new LiveSettings(
                Duration.ofMillis(250),
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                Duration.ofMinutes(30),
                Duration.ofMillis(100),
                Duration.ZERO,
                Duration.ofSeconds(10),
                Duration.ofSeconds(1));
        var standby = new OutboxRelay(database, announcements, settings, Clock.systemUTC(), new SimpleMeterRegistry());
        try {
            awaitLeading(serverRelay);
            standby.relay();
            assertThat(standby.isLeading())
                    .as("a second relay while the first leads")
                    .isFalse();

            takeOver(standby);
            assertThat(serverRelay.isLeading()).isFalse();

            var events = new LiveEvents(accounts, port);
            var event = events.onSale(10);
            try (var stream = EventStream.open(port, event)) {
                stream.next(Duration.ofSeconds(1));
                LiveEvents.holdOne(Api.at(port).as(events.buyers(1).getFirst()), event);
                // Only the standby relays now, and only when called: announce what it finds.
                for (int i = 0; i < 10; i++) {
                    standby.relay();
                    Thread.sleep(100);
                }
                assertThat(stream.next(Duration.ofSeconds(1)).held("FLOOR")).isEqualTo(1);
            }
        } finally {
            standby.resign();
            awaitLeading(serverRelay);
        }
    }

    /** The server's own relay tries again every 100 ms; resign it until the standby wins. */
    private void takeOver(OutboxRelay standby) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!standby.isLeading() && System.nanoTime() < deadline) {
            serverRelay.resign();
            standby.relay();
            Thread.sleep(10);
        }
        assertThat(standby.isLeading()).as("the standby took over").isTrue();
    }

    private static void awaitLeading(OutboxRelay relay) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!relay.isLeading() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(relay.isLeading()).as("the server's relay leads").isTrue();
    }
}
