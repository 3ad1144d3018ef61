package org.boxoffice.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@BoxofficeIT
class DemoDataIT {

    @LocalServerPort
    int port;

    @Autowired
    DemoData demoData;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DemoTravelers demoTravelers;

    @Test
    void twoHundredFlightsWithCapacitiesFromTwentyToEighty() {
        var flights = events("FLIGHT").stream()
                .filter(flight -> flight.get("title").asString().matches("BX \\d+ .*"))
                .toList();
        assertThat(flights).hasSize(DemoFlights.COUNT);
        assertThat(flights).allSatisfy(flight -> {
            assertThat(flight.get("capacity").asInt()).isBetween(20, 80);
            assertThat(flight.get("minPrice").get("currency").asString()).isEqualTo("KZT");
        });
        var detail = api().get("/api/v1/events/" + flights.getFirst().get("id").asString())
                .json();
        assertThat(detail.get("pricing").get("mode").asString()).isEqualTo("DEMAND");
        assertThat(detail.get("rules").get("holdTtlSeconds").asInt()).isEqualTo(180);
        assertThat(detail.get("rules").get("limitGroup").asString()).isEqualTo("flights");
        assertThat(detail.get("rules").get("maxActiveOrdersPerUser").asInt()).isEqualTo(1);
        assertThat(detail.get("zones").get(0).get("code").asString()).isEqualTo("ECONOMY");
    }

    @Test
    void stadiumHasTheFiveZonesOfTheBrief() {
        var stadium = events("CONCERT").stream()
                .filter(event -> event.get("title").asString().equals(DemoStadium.TITLE))
                .findFirst()
                .orElseThrow();
        var detail = api().get("/api/v1/events/" + stadium.get("id").asString()).json();
        assertThat(detail.get("capacity").asLong()).isEqualTo(100_000);
        assertThat(detail.get("venue").get("city").asString()).isEqualTo("Kokdala");
        var zones = detail.get("zones");
        assertThat(zones.size()).isEqualTo(5);
        assertZone(zones.get(0), "GOLDEN_CIRCLE", false, 10_000, 4_000_000);
        assertZone(zones.get(1), "FAN_ZONE", false, 15_000, 8_000_000);
        assertZone(zones.get(2), "LOWER_TIER", true, 20_000, 12_000_000);
        assertZone(zones.get(3), "MIDDLE_TIER", true, 25_000, 16_000_000);
        assertZone(zones.get(4), "UPPER_TIER", true, 30_000, 20_000_000);
    }

    @Test
    void cinemaAndGiveawayExist() {
        var cinema = events("CINEMA").getFirst();
        var cinemaDetail =
                api().get("/api/v1/events/" + cinema.get("id").asString()).json();
        assertThat(cinemaDetail.get("inventory").get("mode").asString()).isEqualTo("PARTNER");

        var giveaway = events("ACTIVITY").stream()
                .filter(event -> event.get("title").asString().equals(DemoGiveaway.TITLE))
                .findFirst()
                .orElseThrow();
        assertThat(giveaway.get("capacity").asInt()).isEqualTo(DemoGiveaway.CODES);
        assertThat(giveaway.get("minPrice").get("amount").asLong()).isZero();
    }

    @Test
    void tenThousandTravelersCanGetTokens() {
        var tokens =
                accounts.tokensFor(List.of(DemoTravelers.email(1), DemoTravelers.email(DemoTravelers.DEFAULT_COUNT)));
        assertThat(tokens).containsOnlyKeys("traveler00001@demo.boxoffice.org", "traveler10000@demo.boxoffice.org");
        long travelers = jdbc.sql("SELECT count(*) FROM app_user WHERE email LIKE 'traveler%@demo.boxoffice.org'")
                .query(Long.class)
                .single();
        assertThat(travelers).isEqualTo(DemoTravelers.DEFAULT_COUNT);
    }

    @Test
    void theDemoCreatesTenThousandTravelersUnlessToldOtherwise() {
        assertThat(demoTravelers.count()).isEqualTo(10_000);
    }

    @Test
    void aHundredThousandTravelersAreCreatedInBatchesWithinSeconds() {
        // In a transaction that is rolled back: the shared database keeps its 10,000 travelers.
        var hundredThousand = new DemoTravelers(accounts, 100_000);
        var started = System.nanoTime();

        long travelers = transaction.execute(status -> {
            status.setRollbackOnly();
            hundredThousand.create();
            return jdbc.sql("SELECT count(*) FROM app_user WHERE email LIKE 'traveler%@demo.boxoffice.org'")
                    .query(Long.class)
                    .single();
        });

        assertThat(travelers).isEqualTo(100_000);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
                .isLessThan(java.time.Duration.ofSeconds(60));
        assertThat(accounts.tokensFor(List.of(DemoTravelers.email(100_000)))).isEmpty();
    }

    @Test
    void anAdministratorMintsTokensForAllTenThousandTravelersInOneRequest() {
        var emails = java.util.stream.IntStream.rangeClosed(1, DemoTravelers.DEFAULT_COUNT)
                .mapToObj(DemoTravelers::email)
                .toList();
        var admin = api().as(accounts.tokenFor("admin@boxoffice.local"));

        var minted = admin.post("/api/v1/admin/tokens", java.util.Map.of("emails", emails));

        assertThat(minted.status()).isEqualTo(200);
        assertThat(minted.json().get("tokens").size()).isEqualTo(DemoTravelers.DEFAULT_COUNT);
    }

    @Test
    void seedingAgainAddsNothing() throws Exception {
        long events = count("event");
        long tickets = count("ticket");
        long users = count("app_user");

        demoData.run(new DefaultApplicationArguments());

        assertThat(count("event")).isEqualTo(events);
        assertThat(count("ticket")).isEqualTo(tickets);
        assertThat(count("app_user")).isEqualTo(users);
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private List<JsonNode> events(String kind) {
        var items = new java.util.ArrayList<JsonNode>();
        for (int page = 0; ; page++) {
            var found = api().get("/api/v1/events?size=200&kind=" + kind + "&page=" + page)
                    .json();
            found.get("items").forEach(items::add);
            if (items.size() >= found.get("total").asInt()) {
                return items;
            }
        }
    }

    private static void assertZone(JsonNode zone, String code, boolean seated, int capacity, long price) {
        assertThat(zone.get("code").asString()).isEqualTo(code);
        assertThat(zone.get("seated").asBoolean()).isEqualTo(seated);
        assertThat(zone.get("capacity").asInt()).isEqualTo(capacity);
        assertThat(zone.get("price").get("amount").asLong()).isEqualTo(price);
    }

    private Api api() {
        return Api.at(port);
    }
}
