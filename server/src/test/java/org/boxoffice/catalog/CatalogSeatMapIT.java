package org.boxoffice.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.catalog.Definitions.event;
import static org.boxoffice.catalog.Definitions.standing;
import static org.boxoffice.catalog.Definitions.zone;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.BoxofficeIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Seat maps: one letter per seat, rows in venue order, with an ETag. */
@BoxofficeIT
class CatalogSeatMapIT {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    CatalogDriver catalog;
    UUID venueId;

    @BeforeEach
    void connect() {
        catalog = new CatalogDriver(port, accounts, jdbc);
        venueId = catalog.createVenueId(Definitions.arena("Arena " + UUID.randomUUID()));
    }

    @Test
    void theSeatMapShowsEverySeatOfEverySeatedZoneInRowOrder() {
        var eventId = arenaEvent();
        catalog.hold(eventId, Instant.now().plus(Duration.ofMinutes(5)), "NORTH-B-2");
        catalog.hold(eventId, Instant.now().minus(Duration.ofMinutes(1)), "NORTH-A-1");
        catalog.sell(eventId, "NORTH-C-6", "NORTH-C-1");

        var reply = catalog.anonymous.get("/api/v1/events/" + eventId + "/seats");

        assertThat(reply.status()).isEqualTo(200);
        var map = reply.json();
        assertThat(map.get("eventId").asString()).isEqualTo(eventId.toString());
        assertThat(map.get("zones")).hasSize(1);
        var north = map.get("zones").get(0);
        assertThat(north.get("code").asString()).isEqualTo("NORTH");
        assertThat(rows(north)).containsExactly("A=AAAA", "B=AHAAA", "C=SAAAAS");
    }

    @Test
    void oneZoneCanBeAskedForAndAGeneralZoneHasNoRows() {
        var eventId = arenaEvent();

        var north = catalog.anonymous
                .get("/api/v1/events/" + eventId + "/seats?zone=NORTH")
                .json();
        var floor = catalog.anonymous
                .get("/api/v1/events/" + eventId + "/seats?zone=FLOOR")
                .json();

        assertThat(north.get("zones")).hasSize(1);
        assertThat(rows(north.get("zones").get(0))).containsExactly("A=AAAA", "B=AAAAA", "C=AAAAAA");
        assertThat(floor.get("zones").get(0).get("code").asString()).isEqualTo("FLOOR");
        assertThat(floor.get("zones").get(0).get("rows")).isEmpty();
    }

    @Test
    void aZoneTheEventDoesNotSellIsRefused() {
        var eventId = arenaEvent();

        var reply = catalog.anonymous.get("/api/v1/events/" + eventId + "/seats?zone=SOUTH");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.code()).isEqualTo("VALIDATION");
    }

    @Test
    void anUnchangedSeatMapIsAnsweredNotModified() {
        var eventId = arenaEvent();
        var path = "/api/v1/events/" + eventId + "/seats";
        var first = catalog.anonymous.get(path);
        var etag = first.header("ETag");
        assertThat(etag).startsWith("\"").endsWith("\"");

        var again = catalog.anonymous.header("If-None-Match", etag).get(path);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        catalog.sell(eventId, "NORTH-B-3");
        var changed = catalog.anonymous.header("If-None-Match", etag).get(path);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(rows(changed.json().get("zones").get(0))).contains("B=AASAA");
    }

    @Test
    void quotaSeatsOutsideTheAllocationShowAsNotForSaleAndDoNotCount() {
        var eventId = catalog.createEventId(event("Quota " + UUID.randomUUID())
                .venue(venueId)
                .zones(zone("NORTH", 10_000), standing("FLOOR", 5_000, 50))
                .quota(List.of("FLOOR"), List.of("NORTH-A-2", "NORTH-A-3", "NORTH-C-4"))
                .build());

        var map = catalog.anonymous.get("/api/v1/events/" + eventId + "/seats").json();
        assertThat(rows(map.get("zones").get(0))).containsExactly("A=XAAX", "B=XXXXX", "C=XXXAXX");

        var detail = catalog.anonymous.get("/api/v1/events/" + eventId).json();
        assertThat(detail.get("inventory").get("mode").asString()).isEqualTo("QUOTA");
        var north = detail.get("zones").get(0);
        assertThat(north.get("capacity").asLong()).isEqualTo(3);
        assertThat(north.get("available").asLong()).isEqualTo(3);
        assertThat(detail.get("capacity").asLong()).isEqualTo(3 + 50);
        assertThat(notForSale(eventId)).isEqualTo(15 - 3);
        assertThat(catalog.tickets(eventId)).isEqualTo(15 + 50);
    }

    private UUID arenaEvent() {
        return catalog.createEventId(event("Seats " + UUID.randomUUID())
                .venue(venueId)
                .zones(zone("NORTH", 10_000), standing("FLOOR", 5_000, 50))
                .build());
    }

    private long notForSale(UUID eventId) {
        return jdbc.sql("SELECT count(*) FROM ticket WHERE event_id = :eventId AND status = 'NOT_FOR_SALE'")
                .param("eventId", eventId)
                .query(Long.class)
                .single();
    }

    private static List<String> rows(JsonNode zone) {
        var rows = new ArrayList<String>();
        zone.get("rows")
                .forEach(row -> rows.add(
                        row.get("row").asString() + "=" + row.get("seats").asString()));
        return rows;
    }
}
