package org.boxoffice.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.catalog.Definitions.event;
import static org.boxoffice.catalog.Definitions.standing;
import static org.boxoffice.catalog.Definitions.zone;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.BoxofficeIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Administrators define venues and events; events come with all their tickets. */
@BoxofficeIT
class CatalogAdminIT {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Catalog facade;

    @Autowired
    TransactionTemplate transaction;

    CatalogDriver catalog;

    @BeforeEach
    void connect() {
        catalog = new CatalogDriver(port, accounts, jdbc);
    }

    @Test
    void aVenueIsCreatedWithItsZonesAndRows() {
        var venue = catalog.createVenue(Definitions.arena("Arena " + UUID.randomUUID()));

        assertThat(venue.get("id").asString()).isNotBlank();
        assertThat(venue.get("city").asString()).isEqualTo("Kokdala");
        var floor = venue.get("zones").get(0);
        assertThat(floor.get("code").asString()).isEqualTo("FLOOR");
        assertThat(floor.get("seated").asBoolean()).isFalse();
        assertThat(floor.get("capacity").asInt()).isEqualTo(50);
        assertThat(floor.has("rows")).isFalse();
        var north = venue.get("zones").get(1);
        assertThat(north.get("capacity").asInt()).isEqualTo(15);
        assertThat(north.get("rows").get(2).get("row").asString()).isEqualTo("C");
        assertThat(north.get("rows").get(2).get("seats").asInt()).isEqualTo(6);
    }

    @Test
    void anEventSellsTheVenueZonesItListsWithOneTicketPerSeatOrPlace() {
        var venueId = catalog.createVenueId(Definitions.arena("Arena " + UUID.randomUUID()));

        var reply = catalog.admin.post(
                "/api/v1/admin/events",
                event("Arena night " + UUID.randomUUID())
                        .venue(venueId)
                        .zones(zone("NORTH", 50_000), standing("FLOOR", 20_000, 30))
                        .build());

        assertThat(reply.status()).isEqualTo(201);
        var created = reply.json();
        var eventId = UUID.fromString(created.get("id").asString());
        assertThat(reply.header("Location")).isEqualTo("/api/v1/events/" + eventId);
        assertThat(catalog.tickets(eventId)).isEqualTo(15 + 30);
        assertThat(created.get("venue").get("id").asString()).isEqualTo(venueId.toString());
        assertThat(created.get("status").asString()).isEqualTo("ON_SALE");
        assertThat(created.get("capacity").asLong()).isEqualTo(45);
        assertThat(created.get("zones").get(0).get("name").asString()).isEqualTo("North Stand");
        assertThat(created.get("zones").get(0).get("seated").asBoolean()).isTrue();
        assertThat(created.get("zones").get(1).get("capacity").asLong()).isEqualTo(30);
        assertThat(created.get("rules").get("holdTtlSeconds").asInt()).isEqualTo(600);
        assertThat(created.get("rules").get("maxTicketsPerUser").asInt()).isEqualTo(10);
        assertThat(created.get("rules").get("limitGroup").isNull()).isTrue();
        assertThat(created.get("pricing").get("mode").asString()).isEqualTo("FIXED");
        assertThat(created.get("inventory").get("mode").asString()).isEqualTo("OWNED");
        assertThat(created.get("participated").asBoolean()).isFalse();
        assertThat(created.get("minPrice"))
                .isEqualTo(org.boxoffice.testing.Api.json("{\"amount\": 20000, \"currency\": \"KZT\"}"));
    }

    @Test
    void anUnknownVenueIsRefusedAndNothingIsCreated() {
        var title = "Nowhere " + UUID.randomUUID();

        var reply = catalog.admin.post(
                "/api/v1/admin/events",
                event(title).venue(UUID.randomUUID()).zones(zone("NORTH", 1)).build());

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.code()).isEqualTo("VALIDATION");
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("venueId");
        assertThat(eventsTitled(title)).isZero();
    }

    @Test
    void aZoneTheVenueDoesNotHaveIsRefused() {
        var venueId = catalog.createVenueId(Definitions.arena("Arena " + UUID.randomUUID()));
        var title = "Wrong zone " + UUID.randomUUID();

        var reply = catalog.admin.post(
                "/api/v1/admin/events",
                event(title).venue(venueId).zones(zone("SOUTH", 1)).build());

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.code()).isEqualTo("VALIDATION");
        assertThat(eventsTitled(title)).isZero();
    }

    @Test
    void changingAnEventMergesRulesAndMovesStatusAndSaleWindow() {
        var eventId = catalog.createEventId(event("Changing " + UUID.randomUUID())
                .rules(new RulesDefinition(null, 4, null, null, null, null))
                .build());
        var closesEarly = Definitions.STARTS_AT.minus(Duration.ofDays(2));

        var reply = catalog.admin.patch(
                "/api/v1/admin/events/" + eventId,
                Map.of(
                        "status", "SALE_CLOSED",
                        "saleEndsAt", closesEarly.toString(),
                        "rules", Map.of("holdTtlSeconds", 180, "waitingRoom", Map.of("enabled", true))));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        var changed = reply.json();
        assertThat(changed.get("status").asString()).isEqualTo("SALE_CLOSED");
        assertThat(changed.get("saleEndsAt").asString()).isEqualTo(closesEarly.toString());
        assertThat(changed.get("rules").get("holdTtlSeconds").asInt()).isEqualTo(180);
        assertThat(changed.get("rules").get("maxTicketsPerUser").asInt()).isEqualTo(4);
        assertThat(changed.get("rules").get("waitingRoom").get("enabled").asBoolean())
                .isTrue();
        assertThat(changed.get("rules").get("waitingRoom").get("admitPerSecond").asInt())
                .isEqualTo(100);
        assertThat(storedHoldTtl(eventId)).isEqualTo(180);
        assertThat(catalog.anonymous
                        .get("/api/v1/events/" + eventId)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("SALE_CLOSED");
    }

    @Test
    void aPublishedEventCannotGoBackToDraft() {
        var eventId =
                catalog.createEventId(event("Published " + UUID.randomUUID()).build());

        var reply = catalog.admin.patch("/api/v1/admin/events/" + eventId, Map.of("status", "DRAFT"));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.code()).isEqualTo("VALIDATION");
        assertThat(catalog.anonymous.get("/api/v1/events/" + eventId).status()).isEqualTo(200);
    }

    @Test
    void changingAnUnknownEventIsNotFound() {
        var reply = catalog.admin.patch("/api/v1/admin/events/" + UUID.randomUUID(), Map.of("status", "ON_SALE"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("EVENT_NOT_FOUND");
    }

    @Test
    void onlyAdministratorsDefineVenuesAndEvents() {
        var definition = event("Not yours " + UUID.randomUUID()).build();

        assertThat(catalog.anonymous.post("/api/v1/admin/events", definition).status())
                .isEqualTo(401);
        assertThat(catalog.visitor().post("/api/v1/admin/events", definition).status())
                .isEqualTo(403);
        assertThat(catalog.visitor()
                        .post("/api/v1/admin/venues", Definitions.arena("Mine"))
                        .status())
                .isEqualTo(403);
        assertThat(eventsTitled(definition.title())).isZero();
    }

    @Test
    void anEventAndItsTicketsAreCreatedInTheCallersTransaction() {
        var created = transaction.execute(status -> {
            var detail =
                    facade.createEvent(event("Rolled back " + UUID.randomUUID()).build());
            assertThat(catalog.tickets(detail.id())).isEqualTo(10);
            status.setRollbackOnly();
            return detail;
        });

        assertThat(catalog.tickets(created.id())).isZero();
        assertThat(eventsTitled(created.title())).isZero();
    }

    @Test
    void aJavaCallerGetsTheSameValidationAsAnHttpClient() {
        var invalid = event("Invalid from Java").zones(standing("GA", -1, 10)).build();

        var thrown = org.assertj.core.api.Assertions.catchThrowable(() -> facade.createEvent(invalid));

        assertThat(thrown).isInstanceOf(jakarta.validation.ConstraintViolationException.class);
    }

    private long eventsTitled(String title) {
        return jdbc.sql("SELECT count(*) FROM event WHERE title = :title")
                .param("title", title)
                .query(Long.class)
                .single();
    }

    private int storedHoldTtl(UUID eventId) {
        return jdbc.sql("SELECT hold_ttl_seconds FROM event WHERE id = :id")
                .param("id", eventId)
                .query(Integer.class)
                .single();
    }
}
