package org.boxoffice.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.boxoffice.testing.Buyers;
import org.boxoffice.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The sales report over HTTP: counts that add up, revenue, the timeline, its cache and who may read it. */
@BoxofficeIT
class SalesReportIT {

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    Accounts accounts;

    @Autowired
    MovableClock clock;

    SalesEvents events;
    Buyers buyers;
    Api admin;

    @BeforeEach
    void setUp() {
        events = new SalesEvents(catalog);
        buyers = new Buyers(accounts, port);
        admin = buyers.admin();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    void salesAddUpAfterHoldsPaymentsAndARefund() {
        var event = events.arena(10);
        var paidEarly = buyAt(event, "FLOOR", 2);
        var refunded = buyAt(event, "FLOOR", 2);
        cancel(refunded);
        clock.advance(Duration.ofMinutes(2));
        var paidLater = buyAt(event, "STAND", 1);
        hold(buyers.one(), event, "FLOOR", 1);

        var report = sales(event);

        assertZone(report, "FLOOR", 10, 7, 1, 2, 2 * SalesEvents.FLOOR_PRICE);
        assertZone(report, "STAND", 30, 29, 0, 1, SalesEvents.STAND_PRICE);
        var totals = report.get("totals");
        assertThat(totals.get("capacity").asLong()).isEqualTo(40);
        assertThat(totals.get("available").asLong()).isEqualTo(36);
        assertThat(totals.get("held").asLong()).isEqualTo(1);
        assertThat(totals.get("sold").asLong()).isEqualTo(3);
        assertMoney(totals.get("revenue"), 2 * SalesEvents.FLOOR_PRICE + SalesEvents.STAND_PRICE);
        assertThat(report.get("timeline").size()).isEqualTo(2);
        assertMinute(report.get("timeline").get(0), minuteOf(paidEarly), 2, 2 * SalesEvents.FLOOR_PRICE);
        assertMinute(report.get("timeline").get(1), minuteOf(paidLater), 1, SalesEvents.STAND_PRICE);
        assertSameCountsAsTheEventDetail(event, report);
    }

    @Test
    void aLapsedHoldCountsAsAvailable() {
        var event = events.arena(10);
        hold(buyers.one(), event, "FLOOR", 3);
        assertZone(sales(event), "FLOOR", 10, 7, 3, 0, 0);

        clock.advance(Duration.ofSeconds(SalesEvents.HOLD_SECONDS + 1));

        assertZone(sales(event), "FLOOR", 10, 10, 0, 0, 0);
    }

    @Test
    void aSecondReadWithinASecondGetsTheSameReportAndALaterOneSeesTheSale() {
        var event = events.arena(10);
        var before = sales(event);
        // Back a minute, so that however slow the purchase, the report computed a moment ago is
        // still inside its second when read again.
        clock.advance(Duration.ofMinutes(-1));
        buyAt(event, "FLOOR", 1);

        var within = sales(event);
        clock.reset();
        clock.advance(Duration.ofSeconds(2));
        var after = sales(event);

        assertThat(within).isEqualTo(before);
        assertThat(within.get("totals").get("sold").asLong()).isZero();
        assertThat(after.get("totals").get("sold").asLong()).isEqualTo(1);
        assertThat(after.get("timeline").size()).isEqualTo(1);
    }

    @Test
    void aFreeGiveawayHasSalesWithoutRevenue() {
        var event = events.giveaway(5);
        buyAt(event, "FLOOR", 1);
        buyAt(event, "FLOOR", 1);

        var report = sales(event);

        assertZone(report, "FLOOR", 5, 3, 0, 2, 0);
        assertThat(report.get("timeline").get(0).get("sold").asLong()).isEqualTo(2);
        assertMoney(report.get("timeline").get(0).get("revenue"), 0);
    }

    @Test
    void onlyAdministratorsReadSales() {
        var event = events.arena(10);
        var buyer = buyers.one();
        var anonymous = Api.at(port);

        assertThat(buyer.get("/api/v1/admin/events/" + event + "/sales").status())
                .isEqualTo(403);
        assertThat(buyer.get("/api/v1/admin/events/" + event + "/sales.csv").status())
                .isEqualTo(403);
        assertThat(anonymous.get("/api/v1/admin/events/" + event + "/sales").status())
                .isEqualTo(401);
        assertThat(admin.get("/api/v1/admin/events/" + event + "/sales").status())
                .isEqualTo(200);
    }

    @Test
    void anUnknownEventIsNotFoundAndAMalformedIdIsBadInput() {
        var unknown = UUID.randomUUID();
        for (var path : List.of("/sales", "/sales.csv")) {
            var missing = admin.get("/api/v1/admin/events/" + unknown + path);
            assertThat(missing.status()).as(path).isEqualTo(404);
            assertThat(missing.code()).as(path).isEqualTo("EVENT_NOT_FOUND");
            var malformed = admin.get("/api/v1/admin/events/not-a-uuid" + path);
            assertThat(malformed.status()).as(path).isEqualTo(400);
            assertThat(malformed.code()).as(path).isEqualTo("VALIDATION");
        }
    }

    private JsonNode sales(UUID event) {
        var reply = admin.get("/api/v1/admin/events/" + event + "/sales");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        var report = reply.json();
        assertThat(report.get("eventId").asString()).isEqualTo(event.toString());
        assertCountsAddUp(report);
        return report;
    }

    /** A new buyer holds and pays. */
    private Purchase buyAt(UUID event, String zone, int quantity) {
        var buyer = buyers.one();
        var order = hold(buyer, event, zone, quantity);
        if (!order.get("status").asString().equals("PAID")) {
            var paid = buyer.postOnce("/api/v1/orders/" + order.get("id").asString() + "/payments", Map.of());
            assertThat(paid.status()).as(paid.body()).isEqualTo(200);
            order = paid.json();
        }
        assertThat(order.get("status").asString()).isEqualTo("PAID");
        return new Purchase(buyer, order);
    }

    private static void cancel(Purchase purchase) {
        var cancelled = purchase.buyer()
                .postOnce("/api/v1/orders/" + purchase.order().get("id").asString() + "/cancel", Map.of());
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("REFUNDED");
    }

    private static JsonNode hold(Api buyer, UUID event, String zone, int quantity) {
        var order = buyer.postOnce("/api/v1/orders", Map.of("eventId", event, "zone", zone, "quantity", quantity));
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        return order.json();
    }

    private static Instant minuteOf(Purchase purchase) {
        return Instant.parse(purchase.order().get("paidAt").asString()).truncatedTo(ChronoUnit.MINUTES);
    }

    private static void assertCountsAddUp(JsonNode report) {
        long capacity = 0;
        for (var zone : report.get("zones")) {
            assertThat(zone.get("available").asLong()
                            + zone.get("held").asLong()
                            + zone.get("sold").asLong())
                    .as(zone.get("code").asString())
                    .isEqualTo(zone.get("capacity").asLong());
            capacity += zone.get("capacity").asLong();
        }
        assertThat(report.get("totals").get("capacity").asLong()).isEqualTo(capacity);
        long timelineSold = 0;
        for (var minute : report.get("timeline")) {
            timelineSold += minute.get("sold").asLong();
        }
        assertThat(timelineSold)
                .as("sold in the timeline")
                .isEqualTo(report.get("totals").get("sold").asLong());
    }

    private void assertSameCountsAsTheEventDetail(UUID event, JsonNode report) {
        var detail = admin.get("/api/v1/events/" + event).json();
        for (int i = 0; i < detail.get("zones").size(); i++) {
            var shown = detail.get("zones").get(i);
            var reported = report.get("zones").get(i);
            for (var count : List.of("code", "capacity", "available", "held", "sold")) {
                assertThat(reported.get(count)).as(count).isEqualTo(shown.get(count));
            }
        }
    }

    private static void assertZone(
            JsonNode report, String code, long capacity, long available, long held, long sold, long revenue) {
        for (var zone : report.get("zones")) {
            if (zone.get("code").asString().equals(code)) {
                assertThat(zone.get("capacity").asLong()).as("capacity").isEqualTo(capacity);
                assertThat(zone.get("available").asLong()).as("available").isEqualTo(available);
                assertThat(zone.get("held").asLong()).as("held").isEqualTo(held);
                assertThat(zone.get("sold").asLong()).as("sold").isEqualTo(sold);
                assertMoney(zone.get("revenue"), revenue);
                return;
            }
        }
        throw new AssertionError("No zone " + code);
    }

    private static void assertMinute(JsonNode minute, Instant start, long sold, long revenue) {
        assertThat(Instant.parse(minute.get("minute").asString())).isEqualTo(start);
        assertThat(minute.get("sold").asLong()).isEqualTo(sold);
        assertMoney(minute.get("revenue"), revenue);
    }

    private static void assertMoney(JsonNode money, long amount) {
        assertThat(money.get("amount").asLong()).isEqualTo(amount);
        assertThat(money.get("currency").asString()).isEqualTo("KZT");
    }

    private record Purchase(Api buyer, JsonNode order) {}
}
