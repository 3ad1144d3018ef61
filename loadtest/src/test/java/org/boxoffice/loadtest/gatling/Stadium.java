package org.boxoffice.loadtest.gatling;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The stadium of the demo data (API.md): five zones, 100,000 tickets. The flash sale can create a
 * fresh copy of it so that every run starts with all of them available.
 */
final class Stadium {

    static final long CAPACITY = 100_000;
    static final List<String> ZONES = List.of("GOLDEN_CIRCLE", "FAN_ZONE", "LOWER_TIER", "MIDDLE_TIER", "UPPER_TIER");

    private static final int SEATS_PER_ROW = 500;

    private Stadium() {}

    static Map<String, Object> venue(String name) {
        return Map.of(
                "name",
                name,
                "city",
                "Kokdala",
                "zones",
                List.of(
                        standing("GOLDEN_CIRCLE", "Golden Circle", 10_000),
                        standing("FAN_ZONE", "Fan Zone", 15_000),
                        seated("LOWER_TIER", "Lower Tier", 40),
                        seated("MIDDLE_TIER", "Middle Tier", 50),
                        seated("UPPER_TIER", "Upper Tier", 60)));
    }

    static Map<String, Object> event(String venueId, String title, Map<String, Object> rules) {
        var now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        var startsAt = now.plus(Duration.ofDays(60));
        var event = AdminClient.object();
        event.put("venueId", venueId);
        event.put("kind", "CONCERT");
        event.put("title", title);
        event.put("description", "Created by the Gatling flash-sale simulation.");
        event.put("startsAt", startsAt.toString());
        event.put("saleStartsAt", now.minus(Duration.ofHours(1)).toString());
        event.put("saleEndsAt", startsAt.minus(Duration.ofHours(2)).toString());
        event.put("currency", "KZT");
        event.put(
                "zones",
                List.of(
                        price("GOLDEN_CIRCLE", 40_000),
                        price("FAN_ZONE", 80_000),
                        price("LOWER_TIER", 120_000),
                        price("MIDDLE_TIER", 160_000),
                        price("UPPER_TIER", 200_000)));
        event.put("rules", rules);
        return event;
    }

    /** A venue with a single standing zone, {@code FLOOR}, for the events beside the stadium. */
    static Map<String, Object> standingVenue(String name, int capacity) {
        return Map.of("name", name, "city", "Kokdala", "zones", List.of(standing("FLOOR", "Floor", capacity)));
    }

    /** An event on sale now in a {@link #standingVenue}, 10,000 tenge a ticket. */
    static Map<String, Object> standingEvent(String venueId, String title, Map<String, Object> rules) {
        var event = event(venueId, title, rules);
        event.put("zones", List.of(price("FLOOR", 10_000)));
        return event;
    }

    private static Map<String, Object> standing(String code, String name, int capacity) {
        return Map.of("code", code, "name", name, "seated", false, "capacity", capacity);
    }

    private static Map<String, Object> seated(String code, String name, int rows) {
        List<Map<String, Object>> rowList = new ArrayList<>();
        IntStream.rangeClosed(1, rows)
                .forEach(row -> rowList.add(Map.of("row", Integer.toString(row), "seats", SEATS_PER_ROW)));
        return Map.of("code", code, "name", name, "seated", true, "rows", rowList);
    }

    private static Map<String, Object> price(String zone, long tenge) {
        return Map.of("code", zone, "price", Map.of("amount", tenge * 100, "currency", "KZT"));
    }
}
