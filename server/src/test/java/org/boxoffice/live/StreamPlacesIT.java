package org.boxoffice.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.BoxofficeIT;
import org.boxoffice.testing.OtherInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Live streams are capped per client address and per instance. An instance of its own (on the
 * shared engines) with small caps, behind a "proxy" (the test) whose X-Forwarded-For it trusts,
 * so that the test can speak for several addresses.
 */
@BoxofficeIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamPlacesIT {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    @LocalServerPort
    int portA;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcConnectionDetails database;

    @Autowired
    DataRedisConnectionDetails redis;

    OtherInstance capped;
    int port;
    UUID event;
    final ArrayList<EventStream> opened = new ArrayList<>();

    @BeforeAll
    void startACappedInstance() {
        capped = OtherInstance.sharing(
                database,
                redis,
                "boxoffice.rate-limit.trusted-proxies=127.0.0.1",
                "boxoffice.live.max-streams-per-address=2",
                "boxoffice.live.max-streams=3",
                "boxoffice.live.stream-retry-after=7s",
                // A write every tick, so that a client that went away is noticed at once.
                "boxoffice.live.keep-alive=100ms");
        port = capped.port();
        event = new LiveEvents(accounts, portA).onSale(10);
    }

    @AfterEach
    void closeStreams() throws Exception {
        for (var stream : opened) {
            stream.close();
        }
        opened.clear();
        var places = capped.bean(StreamPlaces.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (places.open() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(places.open()).as("places given back after the test").isZero();
    }

    @AfterAll
    void stopTheCappedInstance() {
        if (capped != null) {
            capped.close();
        }
    }

    @Test
    void oneAddressPastItsShareIsRateLimited() throws Exception {
        assertThat(open("10.0.0.1").status()).isEqualTo(200);
        assertThat(open("10.0.0.1").status()).isEqualTo(200);

        var third = open("10.0.0.1");

        assertThat(third.status()).isEqualTo(429);
        assertThat(third.problem().get("code").asString()).isEqualTo("RATE_LIMITED");
        assertThat(third.header("Retry-After")).isEqualTo("7");
        assertThat(open("10.0.0.2").status())
                .as("another address still gets one")
                .isEqualTo(200);
    }

    @Test
    void theInstancePastItsTotalIsOverloaded() throws Exception {
        assertThat(open("10.0.1.1").status()).isEqualTo(200);
        assertThat(open("10.0.1.2").status()).isEqualTo(200);
        assertThat(open("10.0.1.3").status()).isEqualTo(200);

        var fourth = open("10.0.1.4");

        assertThat(fourth.status()).isEqualTo(503);
        assertThat(fourth.problem().get("code").asString()).isEqualTo("OVERLOADED");
        assertThat(fourth.header("Retry-After")).isEqualTo("7");
    }

    @Test
    void aClosedStreamGivesItsPlaceBack() throws Exception {
        var first = open("10.0.2.1");
        first.next(ONE_SECOND);
        open("10.0.2.1").next(ONE_SECOND);
        assertThat(open("10.0.2.1").status()).isEqualTo(429);

        first.close();

        // The server notices the vanished client at its next write or two (keep-alives here).
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        int status;
        do {
            Thread.sleep(200);
            status = open("10.0.2.1").status();
        } while (status != 200 && System.nanoTime() < deadline);
        assertThat(status).isEqualTo(200);
    }

    @Test
    void aStreamRefusedForAnUnknownEventTakesNoPlace() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(EventStream.openFor("10.0.3.1", port, UUID.randomUUID()).status())
                    .isEqualTo(404);
        }
        assertThat(open("10.0.3.1").status()).isEqualTo(200);
        assertThat(open("10.0.3.1").status()).isEqualTo(200);
    }

    private EventStream open(String address) {
        var stream = EventStream.openFor(address, port, event);
        opened.add(stream);
        return stream;
    }
}
