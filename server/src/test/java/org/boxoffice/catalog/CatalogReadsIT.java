package org.boxoffice.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.catalog.Definitions.event;
import static org.boxoffice.catalog.Definitions.standing;
import static org.boxoffice.catalog.Definitions.zone;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** What visitors read: the event list, details with live counts and current prices. */
@BoxofficeIT
class CatalogReadsIT {

    private static final Instant LATER = Instant.now().plus(Duration.ofMinutes(10));
    private static final Instant EARLIER = Instant.now().minus(Duration.ofMinutes(10));

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    CatalogDriver catalog;

    @BeforeEach
    void connect() {
        catalog = new CatalogDriver(port, accounts, jdbc);
    }

    @Test
    void draftEventIsHiddenFromVisitors() {
        var title = "Secret " + UUID.randomUUID();
        var eventId =
                catalog.createEventId(event(title).status(EventStatus.DRAFT).build());

        for (var caller : List.of(catalog.anonymous, catalog.visitor())) {
            var detail = caller.get("/api/v1/events/" + eventId);
            assertThat(detail.status()).isEqualTo(404);
            assertThat(detail.code()).isEqualTo("EVENT_NOT_FOUND");
            assertThat(caller.get("/api/v1/events/" + eventId + "/seats").code())
                    .isEqualTo("EVENT_NOT_FOUND");
            assertThat(search(caller, "q=" + encode(title)).get("total").asLong())
                    .isZero();
        }
        assertThat(catalog.admin
                        .get("/api/v1/events/" + eventId)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("DRAFT");
        assertThat(search(catalog.admin, "q=" + encode(title)).get("total").asLong())
                .isEqualTo(1);
    }

    @Test
    void aPublishedDraftBecomesVisible() {
        var eventId = catalog.createEventId(
                event("Soon " + UUID.randomUUID()).status(EventStatus.DRAFT).build());

        catalog.admin.patch("/api/v1/admin/events/" + eventId, java.util.Map.of("status", "ON_SALE"));

        assertThat(catalog.anonymous.get("/api/v1/events/" + eventId).status()).isEqualTo(200);
    }

    @Test
    void theListFiltersByTitleKindAndStartAndPagesInStartOrder() {
        var tag = "Festival-" + UUID.randomUUID();
        var start = Instant.parse("2032-03-01T18:00:00Z");
        var ids = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            var kind = i % 2 == 0 ? EventKind.CONCERT : EventKind.THEATRE;
            // Created out of start order, so that start order is not creation order.
            var startsAt = start.plus(Duration.ofDays(4 - i));
            ids.addFirst(catalog.createEvent(event(tag + " night " + i)
                            .kind(kind)
                            .startsAt(startsAt)
                            .build())
                    .get("id")
                    .asString());
        }

        var firstPage = search(catalog.anonymous, "q=" + encode(tag.toLowerCase()) + "&size=2");
        assertThat(firstPage.get("total").asLong()).isEqualTo(5);
        assertThat(firstPage.get("size").asInt()).isEqualTo(2);
        assertThat(idsOf(firstPage)).containsExactly(ids.get(0), ids.get(1));
        var lastPage = search(catalog.anonymous, "q=" + encode(tag) + "&size=2&page=2");
        assertThat(idsOf(lastPage)).containsExactly(ids.get(4));
        assertThat(lastPage.get("total").asLong()).isEqualTo(5);
        assertThat(lastPage.get("page").asInt()).isEqualTo(2);
        var pastTheEnd = search(catalog.anonymous, "q=" + encode(tag) + "&size=2&page=9");
        assertThat(pastTheEnd.get("items")).isEmpty();
        assertThat(pastTheEnd.get("total").asLong()).isEqualTo(5);

        var theatre = search(catalog.anonymous, "q=" + encode(tag) + "&kind=THEATRE");
        assertThat(idsOf(theatre)).containsExactly(ids.get(1), ids.get(3));
        var window = search(
                catalog.anonymous,
                "q=" + encode(tag) + "&from=" + start.plus(Duration.ofDays(1)) + "&to="
                        + start.plus(Duration.ofDays(3)));
        assertThat(idsOf(window)).containsExactly(ids.get(1), ids.get(2));
    }

    @Test
    void aSearchMatchesTheTitleTextLiterally() {
        var tag = "Percent-" + UUID.randomUUID();
        catalog.createEvent(event(tag + " 100% fun").build());
        catalog.createEvent(event(tag + " 100 fun").build());

        assertThat(search(catalog.anonymous, "q=" + encode(tag + " 100%"))
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        assertThat(search(catalog.anonymous, "q=" + encode(tag + " 100_"))
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void aListEntrySummarisesTheEvent() {
        var venueId = catalog.createVenueId(Definitions.arena("Arena " + UUID.randomUUID()));
        var title = "Summary " + UUID.randomUUID();
        var eventId = catalog.createEventId(event(title)
                .venue(venueId)
                .zones(zone("NORTH", 30_000), standing("FLOOR", 20_000, 40))
                .build());
        catalog.sell(eventId, "NORTH-A-1", "NORTH-A-2");

        var item = search(catalog.anonymous, "q=" + encode(title)).get("items").get(0);

        assertThat(item.get("id").asString()).isEqualTo(eventId.toString());
        assertThat(item.get("kind").asString()).isEqualTo("CONCERT");
        assertThat(item.get("venue").get("city").asString()).isEqualTo("Kokdala");
        assertThat(item.get("startsAt").asString()).isEqualTo(Definitions.STARTS_AT.toString());
        assertThat(item.get("capacity").asLong()).isEqualTo(15 + 40);
        assertThat(item.get("available").asLong()).isEqualTo(15 + 40 - 2);
        assertThat(item.get("minPrice").get("amount").asLong()).isEqualTo(20_000);
        assertThat(item.has("zones")).isFalse();
    }

    @Test
    void countsAddUpPerZoneAndAnExpiredHoldCountsAsAvailable() {
        var eventId = catalog.createEventId(event("Counts " + UUID.randomUUID())
                .zones(standing("GA", 1_000, 20), standing("VIP", 5_000, 5))
                .build());
        catalog.holdInZone(eventId, "GA", 3, LATER);
        catalog.holdInZone(eventId, "GA", 2, EARLIER);
        catalog.sellInZone(eventId, "GA", 4);
        catalog.sellInZone(eventId, "VIP", 5);

        var detail = catalog.anonymous.get("/api/v1/events/" + eventId).json();

        var ga = detail.get("zones").get(0);
        assertThat(ga.get("available").asLong()).isEqualTo(20 - 3 - 4);
        assertThat(ga.get("held").asLong()).isEqualTo(3);
        assertThat(ga.get("sold").asLong()).isEqualTo(4);
        var vip = detail.get("zones").get(1);
        assertThat(vip.get("available").asLong()).isZero();
        assertThat(vip.get("sold").asLong()).isEqualTo(5);
        for (var zone : detail.get("zones")) {
            assertThat(zone.get("available").asLong()
                            + zone.get("held").asLong()
                            + zone.get("sold").asLong())
                    .isEqualTo(zone.get("capacity").asLong());
        }
        assertThat(detail.get("available").asLong()).isEqualTo(13);
        assertThat(detail.get("capacity").asLong()).isEqualTo(25);
    }

    @Test
    void theDetailCarriesDescriptionRulesAndModes() {
        var eventId = catalog.createEventId(event("Detail " + UUID.randomUUID())
                .kind(EventKind.FLIGHT)
                .rules(new RulesDefinition(180, 1, 1, 0, "flights", null))
                .demandPricing()
                .build());

        var detail = catalog.anonymous.get("/api/v1/events/" + eventId).json();

        assertThat(detail.get("description").asString()).startsWith("About Detail ");
        assertThat(detail.get("kind").asString()).isEqualTo("FLIGHT");
        assertThat(detail.get("venue").isNull()).isTrue();
        assertThat(detail.get("rules").get("holdTtlSeconds").asInt()).isEqualTo(180);
        assertThat(detail.get("rules").get("maxActiveOrdersPerUser").asInt()).isEqualTo(1);
        assertThat(detail.get("rules").get("refundCutoffHours").asInt()).isZero();
        assertThat(detail.get("rules").get("limitGroup").asString()).isEqualTo("flights");
        assertThat(detail.get("rules").get("waitingRoom").get("enabled").asBoolean())
                .isFalse();
        assertThat(detail.get("pricing").get("mode").asString()).isEqualTo("DEMAND");
        assertThat(detail.get("inventory").get("mode").asString()).isEqualTo("OWNED");
        assertThat(detail.get("zones").get(0).get("seated").asBoolean()).isFalse();
    }

    @Test
    void demandPriceRisesAsTicketsAreHeldOrSold() {
        var eventId = catalog.createEventId(event("Flight " + UUID.randomUUID())
                .kind(EventKind.FLIGHT)
                .zones(standing("ECONOMY", 10_000, 80))
                .demandPricing()
                .build());
        assertThat(priceOf(eventId)).isEqualTo(10_000);

        catalog.holdInZone(eventId, "ECONOMY", 10, LATER);
        catalog.sellInZone(eventId, "ECONOMY", 10);
        catalog.holdInZone(eventId, "ECONOMY", 7, EARLIER);

        // booked = 20 of 80: 10,000 * (20 / 80 * 2 + 1) = 15,000; the expired holds do not count.
        assertThat(priceOf(eventId)).isEqualTo(15_000);
        var detail = catalog.anonymous.get("/api/v1/events/" + eventId).json();
        assertThat(detail.get("minPrice").get("amount").asLong()).isEqualTo(15_000);
        assertThat(detail.get("minPrice").get("currency").asString()).isEqualTo("KZT");
    }

    @Test
    void fixedPriceStaysWhateverIsBooked() {
        var eventId = catalog.createEventId(event("Fixed " + UUID.randomUUID())
                .zones(standing("GA", 10_000, 10))
                .build());

        catalog.sellInZone(eventId, "GA", 9);

        assertThat(priceOf(eventId)).isEqualTo(10_000);
    }

    @Test
    void participatedIsPresentOnlyWhenTheRequestCarriesAToken() {
        var eventId = catalog.createEventId(
                event("Activity " + UUID.randomUUID()).kind(EventKind.ACTIVITY).build());

        assertThat(catalog.anonymous.get("/api/v1/events/" + eventId).json().has("participated"))
                .isFalse();
        var seenByVisitor = catalog.visitor().get("/api/v1/events/" + eventId).json();
        assertThat(seenByVisitor.get("participated").isBoolean()).isTrue();
        assertThat(seenByVisitor.get("participated").asBoolean()).isFalse();
    }

    @Test
    void theTitleSearchCanBeAnsweredFromTheTrigramIndex() {
        var filter = new EventFilter(null, "Celeste", null, null, false);
        // A handful of events in a test database are read faster without an index, so the planner
        // is told not to read the table: a plan that still does means no index fits the search.
        var plan = transactions.execute(status -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            return jdbc.sql("EXPLAIN SELECT count(*) FROM event e " + filter.where())
                    .params(filter.parameters())
                    .query(String.class)
                    .list();
        });

        assertThat(String.join("\n", plan)).contains("event_title_trigrams").doesNotContain("Seq Scan");
    }

    private long priceOf(UUID eventId) {
        return catalog.anonymous
                .get("/api/v1/events/" + eventId)
                .json()
                .get("zones")
                .get(0)
                .get("price")
                .get("amount")
                .asLong();
    }

    private static JsonNode search(Api caller, String query) {
        var reply = caller.get("/api/v1/events?" + query);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> idsOf(JsonNode page) {
        var ids = new ArrayList<String>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
