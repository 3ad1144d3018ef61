package org.boxoffice.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Bad input of every kind is a 400 or 422 with code VALIDATION, and changes nothing. */
@BoxofficeIT
class CatalogMalformedInputIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    CatalogDriver catalog;

    @BeforeEach
    void connect() {
        catalog = new CatalogDriver(port, accounts, jdbc);
    }

    @Test
    void malformedEventDefinitionsAreRefusedAndCreateNothing() {
        var before = tableSizes();

        refused(catalog.admin.post("/api/v1/admin/events", "{"));
        refused(catalog.admin.post("/api/v1/admin/events", "[]"));
        refused(catalog.admin.post("/api/v1/admin/events", ""));
        refused(postEvent(event -> event.put("kind", "BOAT")));
        refused(postEvent(event -> event.put("startsAt", "tomorrow")));
        refused(postEvent(event -> event.put("venueId", "not-a-uuid")));
        refused(postEvent(event -> event.remove("title")));
        refused(postEvent(event -> event.put("title", " ")));
        refused(postEvent(event -> event.remove("saleEndsAt")));
        refused(postEvent(event -> event.put("currency", "kzt")));
        refused(postEvent(event -> event.put("currency", "XYZ")));
        refused(postEvent(event -> event.put("status", "SALE_CLOSED")));
        refused(postEvent(event -> event.put("status", "SOMETIMES")));
        refused(postEvent(event -> event.put("saleEndsAt", "2031-04-01T00:00:00Z")));
        refused(postEvent(event -> event.put("zones", "many")));
        refused(postEvent(event -> event.put("zones", List.of())));
        refused(postEvent(event -> event.put("pricing", Map.of("mode", "AUCTION"))));
        refused(postEvent(event -> event.put("inventory", Map.of("mode", "QUOTA"))));
        refused(postEvent(event -> event.put("inventory", Map.of("mode", "PARTNER"))));
        refused(postEvent(event -> event.put("rules", Map.of("holdTtlSeconds", 0))));
        refused(postEvent(event -> event.put("rules", Map.of("holdTtlSeconds", 3601))));
        refused(postEvent(event -> event.put("rules", Map.of("maxTicketsPerUser", -1))));
        refused(postEvent(event -> event.put("rules", Map.of("waitingRoom", Map.of("admitPerSecond", 0)))));
        refused(postEvent(event -> event.put("rules", "strict")));
        refused(postEvent(event -> firstZone(event).put("code", "gold")));
        refused(postEvent(event -> firstZone(event).put("code", "GOLD-1")));
        refused(postEvent(event -> firstZone(event).remove("price")));
        refused(postEvent(event -> firstZone(event).put("price", Map.of("amount", -1, "currency", "KZT"))));
        refused(postEvent(event -> firstZone(event).put("price", Map.of("amount", "abc", "currency", "KZT"))));
        refused(postEvent(
                event -> firstZone(event).put("price", Map.of("amount", 10_000_000_000_000L, "currency", "KZT"))));
        refused(postEvent(event -> firstZone(event).put("price", "1000")));
        refused(postEvent(event -> firstZone(event).put("capacity", 0)));
        refused(postEvent(event -> firstZone(event).put("capacity", -5)));
        refused(postEvent(event -> firstZone(event).put("capacity", 2_000_000)));
        refused(postEvent(event -> firstZone(event).put("capacity", 1_000_000)));
        refused(catalog.admin.send(
                "POST",
                "/api/v1/admin/events",
                "application/json",
                validEventJson().replace("\"amount\":1000", "\"amount\":1" + "0".repeat(30))));

        assertThat(tableSizes()).isEqualTo(before);
    }

    @Test
    void aPriceIsAWholeNumberOfMinorUnits() {
        var before = tableSizes();

        refused(postEvent(event -> firstZone(event).put("price", Map.of("amount", 1.5, "currency", "KZT"))));
        refused(postEvent(event -> firstZone(event).put("price", Map.of("amount", "1000", "currency", "KZT"))));
        refused(postEvent(event -> firstZone(event).put("price", Map.of("currency", "KZT"))));

        assertThat(tableSizes()).isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWithACode() {
        var reply = catalog.admin.send("POST", "/api/v1/admin/events", "text/plain", validEventJson());

        assertThat(reply.status()).isBetween(400, 499);
        assertThat(reply.code()).isNotBlank();
    }

    @Test
    void malformedVenuesAreRefusedAndCreateNothing() {
        var before = tableSizes();

        refused(catalog.admin.post("/api/v1/admin/venues", "{\"name\": "));
        refused(catalog.admin.post("/api/v1/admin/venues", Map.of("name", "No zones", "city", "Kokdala")));
        refused(postVenue(venue -> venue.put("name", "")));
        refused(postVenue(venue -> venue.put("zones", Map.of("code", "A"))));
        refused(postVenue(venue -> seatedZone(venue).put("code", "north")));
        refused(postVenue(venue -> seatedZone(venue).put("seated", "perhaps")));
        refused(postVenue(venue -> seatedZone(venue).put("rows", List.of())));
        refused(postVenue(venue -> seatedZone(venue).put("rows", List.of(Map.of("row", "1", "seats", -1)))));
        refused(postVenue(venue -> seatedZone(venue).put("rows", List.of(Map.of("row", "1", "seats", 1001)))));
        refused(postVenue(venue -> seatedZone(venue).put("rows", List.of(Map.of("row", "1", "seats", "many")))));
        refused(postVenue(venue -> seatedZone(venue).put("rows", List.of(Map.of("row", "", "seats", 10)))));
        refused(postVenue(venue -> seatedZone(venue).put("rows", List.of(Map.of("row", "1-2", "seats", 10)))));
        refused(postVenue(venue -> seatedZone(venue).put("rows", List.of(Map.of("seats", 10)))));
        refused(postVenue(venue -> generalZone(venue).remove("capacity")));
        refused(postVenue(venue -> generalZone(venue).put("capacity", 0)));
        refused(postVenue(venue -> generalZone(venue).put("capacity", 1_000_001)));
        refused(postVenue(venue -> generalZone(venue).put("code", "NORTH")));

        assertThat(tableSizes()).isEqualTo(before);
    }

    @Test
    void malformedChangesAreRefusedAndChangeNothing() {
        var eventId = catalog.createEventId(
                Definitions.event("Unchanged " + UUID.randomUUID()).build());
        var path = "/api/v1/admin/events/" + eventId;
        var before = catalog.anonymous.get("/api/v1/events/" + eventId).json();

        refused(catalog.admin.patch("/api/v1/admin/events/not-a-uuid", Map.of("status", "ON_SALE")));
        refused(catalog.admin.patch(path, "{\"status\": "));
        refused(catalog.admin.patch(path, Map.of("status", "OPEN")));
        refused(catalog.admin.patch(path, Map.of("status", "DRAFT")));
        refused(catalog.admin.patch(path, Map.of("rules", Map.of("holdTtlSeconds", -1))));
        refused(catalog.admin.patch(path, Map.of("rules", Map.of("refundCutoffHours", "soon"))));
        refused(catalog.admin.patch(path, Map.of("rules", "lenient")));
        refused(catalog.admin.patch(path, Map.of("saleEndsAt", "yesterday")));
        refused(catalog.admin.patch(path, Map.of("saleEndsAt", "2031-06-02T00:00:00Z")));
        refused(catalog.admin.patch(path, Map.of("saleStartsAt", "2031-06-01T18:00:00Z")));
        refused(catalog.admin.patch(path, Map.of("status", "SALE_CLOSED", "rules", Map.of("holdTtlSeconds", 0))));

        assertThat(catalog.anonymous.get("/api/v1/events/" + eventId).json()).isEqualTo(before);
    }

    @Test
    void malformedReadsAreRefused() {
        refused(catalog.anonymous.get("/api/v1/events/not-a-uuid"));
        refused(catalog.anonymous.get("/api/v1/events/not-a-uuid/seats"));
        refused(catalog.anonymous.get("/api/v1/events?size=0"));
        refused(catalog.anonymous.get("/api/v1/events?size=201"));
        refused(catalog.anonymous.get("/api/v1/events?page=-1"));
        refused(catalog.anonymous.get("/api/v1/events?page=x"));
        refused(catalog.anonymous.get("/api/v1/events?kind=BOAT"));
        refused(catalog.anonymous.get("/api/v1/events?from=yesterday"));
        refused(catalog.anonymous.get("/api/v1/events?from=2031-01-02T00:00:00Z&to=2031-01-01T00:00:00Z"));
        refused(catalog.anonymous.get("/api/v1/events?q=" + "x".repeat(201)));
        var eventId = catalog.createEventId(
                Definitions.event("Zones " + UUID.randomUUID()).build());
        refused(catalog.anonymous.get("/api/v1/events/" + eventId + "/seats?zone=" + "Z".repeat(33)));
    }

    @Test
    void anUnknownEventIsNotFound() {
        var unknown = UUID.randomUUID();

        for (var path : List.of("/api/v1/events/" + unknown, "/api/v1/events/" + unknown + "/seats")) {
            var reply = catalog.anonymous.get(path);
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.code()).isEqualTo("EVENT_NOT_FOUND");
        }
    }

    private Api.Reply postEvent(Consumer<Map<String, Object>> spoil) {
        var event = validEvent();
        spoil.accept(event);
        return catalog.admin.post("/api/v1/admin/events", event);
    }

    private Api.Reply postVenue(Consumer<Map<String, Object>> spoil) {
        var venue = validVenue();
        spoil.accept(venue);
        return catalog.admin.post("/api/v1/admin/venues", venue);
    }

    private static void refused(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isIn(400, 422);
        assertThat(reply.code()).as(reply.body()).isEqualTo("VALIDATION");
    }

    /** Rows of the catalog's and inventory's tables: nothing may change when input is refused. */
    private List<Long> tableSizes() {
        return List.of(
                catalog.rows("venue"),
                catalog.rows("venue_zone"),
                catalog.rows("venue_row"),
                catalog.rows("event"),
                catalog.rows("event_zone"),
                catalog.rows("ticket"));
    }

    private static String validEventJson() {
        return JSON.writeValueAsString(validEvent());
    }

    private static Map<String, Object> validEvent() {
        var zone = new LinkedHashMap<String, Object>();
        zone.put("code", "GA");
        zone.put("price", Map.of("amount", 1000, "currency", "KZT"));
        zone.put("capacity", 10);
        var event = new LinkedHashMap<String, Object>();
        event.put("kind", "CONCERT");
        event.put("title", "Malformed " + UUID.randomUUID());
        event.put("startsAt", "2031-06-01T18:00:00Z");
        event.put("saleStartsAt", "2031-05-01T18:00:00Z");
        event.put("saleEndsAt", "2031-06-01T18:00:00Z");
        event.put("currency", "KZT");
        event.put("zones", new ArrayList<>(List.of(zone)));
        return event;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstZone(Map<String, Object> event) {
        return ((List<Map<String, Object>>) event.get("zones")).getFirst();
    }

    private static Map<String, Object> validVenue() {
        var seated = new LinkedHashMap<String, Object>();
        seated.put("code", "NORTH");
        seated.put("name", "North");
        seated.put("seated", true);
        seated.put("rows", List.of(Map.of("row", "1", "seats", 10)));
        var general = new LinkedHashMap<String, Object>();
        general.put("code", "FLOOR");
        general.put("name", "Floor");
        general.put("seated", false);
        general.put("capacity", 100);
        var venue = new LinkedHashMap<String, Object>();
        venue.put("name", "Malformed venue " + UUID.randomUUID());
        venue.put("city", "Kokdala");
        venue.put("zones", new ArrayList<>(List.of(seated, general)));
        return venue;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> seatedZone(Map<String, Object> venue) {
        return ((List<Map<String, Object>>) venue.get("zones")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> generalZone(Map<String, Object> venue) {
        return ((List<Map<String, Object>>) venue.get("zones")).get(1);
    }
}
