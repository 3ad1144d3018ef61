package org.boxoffice.admission.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.boxoffice.admission.WaitingRooms;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.boxoffice.testing.Buyers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@BoxofficeIT
class QueueStatusFilterIT {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Catalog catalog;

    @Autowired
    MeterRegistry meters;

    Buyers buyers;
    UUID event;

    @BeforeEach
    void setUp() {
        buyers = new Buyers(accounts, port);
        event = new WaitingRooms(catalog).event(Instant.now().minus(Duration.ofMinutes(1)), 1, 300);
    }

    @Test
    void anOwnersPollIsAnsweredWithTheChainsSecurityHeadersAndCountedUnderItsRoute() {
        var early = buyers.one();
        var buyer = buyers.one();
        WaitingRooms.placeOf(WaitingRooms.join(early, event));
        var place = WaitingRooms.placeOf(WaitingRooms.join(buyer, event));
        double before = polls();

        var reply = WaitingRooms.poll(buyer, event, place);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("admitted").asBoolean()).isFalse();
        assertThat(reply.json().get("position").asLong()).isPositive();
        assertThat(reply.json().get("pollAfterSeconds").asInt()).isPositive();
        assertThat(reply.json().has("admissionToken")).isTrue();
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(reply.header("Cache-Control")).contains("no-store");
        assertThat(pollsOnceCounted(before + 1))
                .as("polls counted under the route")
                .isEqualTo(before + 1);
    }

    @Test
    void aStrangersPollIsNotFoundAsBefore() {
        var owner = buyers.one();
        var place = WaitingRooms.placeOf(WaitingRooms.join(owner, event));

        var reply = WaitingRooms.poll(buyers.one(), event, place);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("QUEUE_ENTRY_NOT_FOUND");
    }

    @Test
    void aPollWithoutATokenOrWithAForgedOneIsUnauthorized() {
        var owner = buyers.one();
        var place = WaitingRooms.placeOf(WaitingRooms.join(owner, event));
        var path = "/api/v1/events/" + event + "/queue/" + place;

        var anonymous = Api.at(port).get(path);
        var forged = Api.at(port).as(forge(owner.bearerToken())).get(path);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(forged.status()).as(forged.body()).isEqualTo(401);
    }

    @Test
    void aPlaceThatIsNotAnIdIsABadRequestAsBefore() {
        var reply = buyers.one().get("/api/v1/events/" + event + "/queue/not-a-place");

        assertThat(reply.status()).isEqualTo(400);
    }

    /** The same token with one character in the middle of its signature changed. */
    private static String forge(@Nullable String token) {
        var signed = Objects.requireNonNull(token);
        int at = signed.length() - 10;
        char changed = signed.charAt(at) == 'A' ? 'B' : 'A';
        return signed.substring(0, at) + changed + signed.substring(at + 1);
    }

    /** The count of polls once it reached {@code expected} (recorded just after the answer), or after 2 s. */
    private double pollsOnceCounted(double expected) {
        var deadline = Instant.now().plusSeconds(2);
        while (polls() < expected && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        return polls();
    }

    private double polls() {
        var timer = meters.find("http.server.requests")
                .tag("uri", QueueStatusFilter.ROUTE)
                .tag("status", "200")
                .timer();
        return timer == null ? 0 : timer.count();
    }
}
