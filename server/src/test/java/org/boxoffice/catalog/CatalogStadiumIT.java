package org.boxoffice.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.catalog.Definitions.event;
import static org.boxoffice.catalog.Definitions.row;
import static org.boxoffice.catalog.Definitions.standing;
import static org.boxoffice.catalog.Definitions.zone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.BoxofficeIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The stadium concert: a hundred thousand tickets exist when the create request answers. */
@BoxofficeIT
class CatalogStadiumIT {

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
    void aHundredThousandTicketStadiumIsCreatedInAFewSeconds() {
        var venueId = catalog.createVenueId(stadium());
        var definition = event("Stadium " + UUID.randomUUID())
                .venue(venueId)
                .zones(
                        standing("GOLDEN_CIRCLE", 4_000_000, 10_000),
                        standing("FAN_ZONE", 8_000_000, 15_000),
                        zone("LOWER_TIER", 12_000_000),
                        zone("MIDDLE_TIER", 16_000_000),
                        zone("UPPER_TIER", 20_000_000))
                .build();

        long started = System.nanoTime();
        var created = catalog.createEvent(definition);
        var took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("Created the 100,000-ticket stadium event in %d ms%n", took.toMillis());

        var eventId = UUID.fromString(created.get("id").asString());
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(created.get("capacity").asLong()).isEqualTo(100_000);
        assertThat(created.get("available").asLong()).isEqualTo(100_000);
        assertThat(catalog.tickets(eventId)).isEqualTo(100_000);
        assertThat(ticketsPerZone(eventId))
                .containsEntry("GOLDEN_CIRCLE", 10_000L)
                .containsEntry("FAN_ZONE", 15_000L)
                .containsEntry("LOWER_TIER", 20_000L)
                .containsEntry("MIDDLE_TIER", 25_000L)
                .containsEntry("UPPER_TIER", 30_000L);
        assertThat(created.get("minPrice").get("amount").asLong()).isEqualTo(4_000_000);
        assertThat(seatsOnTheMap(eventId)).isEqualTo(75_000);
    }

    @Test
    void theBestSeatOfAZoneIsTheCentreOfItsFrontRow() {
        var venueId = catalog.createVenueId(stadium());
        var eventId = catalog.createEventId(event("Best seat " + UUID.randomUUID())
                .venue(venueId)
                .zones(zone("LOWER_TIER", 1))
                .build());

        var bestFirst =
                jdbc.sql("""
                        SELECT seat FROM ticket
                        WHERE event_id = :eventId AND zone = 'LOWER_TIER' AND status = 'AVAILABLE'
                        ORDER BY rank LIMIT 3
                        """).param("eventId", eventId).query(String.class).list();

        // Row 1 has 200 seats: 100 and 101 are the middle pair, then 99.
        assertThat(bestFirst).containsExactly("LOWER_TIER-1-100", "LOWER_TIER-1-101", "LOWER_TIER-1-99");
    }

    /**
     * Five zones as in the demo concert: 10,000 + 15,000 standing, then seated tiers of 100,
     * 125 and 150 rows of 200 seats (20,000, 25,000 and 30,000).
     */
    private static VenueDefinition stadium() {
        return new VenueDefinition(
                "Central Stadium " + UUID.randomUUID(),
                "Kokdala",
                List.of(
                        new VenueDefinition.ZoneDefinition("GOLDEN_CIRCLE", "Golden Circle", false, null, 10_000),
                        new VenueDefinition.ZoneDefinition("FAN_ZONE", "Fan Zone", false, null, 15_000),
                        seated("LOWER_TIER", "Lower Tier", 100),
                        seated("MIDDLE_TIER", "Middle Tier", 125),
                        seated("UPPER_TIER", "Upper Tier", 150)));
    }

    private static VenueDefinition.ZoneDefinition seated(String code, String name, int rows) {
        var definitions = new ArrayList<VenueDefinition.RowDefinition>();
        for (int r = 1; r <= rows; r++) {
            definitions.add(row(Integer.toString(r), 200));
        }
        return new VenueDefinition.ZoneDefinition(code, name, true, definitions, null);
    }

    /** Reads the whole seat map, as a visitor does, and counts its letters. */
    private long seatsOnTheMap(UUID eventId) {
        long started = System.nanoTime();
        var map = catalog.anonymous.get("/api/v1/events/" + eventId + "/seats").json();
        System.out.printf(
                "Read the 75,000-seat map in %d ms%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        long seats = 0;
        for (var zone : map.get("zones")) {
            for (var row : zone.get("rows")) {
                seats += row.get("seats")
                        .asString()
                        .chars()
                        .filter(seat -> seat == 'A')
                        .count();
            }
        }
        return seats;
    }

    private HashMap<String, Long> ticketsPerZone(UUID eventId) {
        var perZone = new HashMap<String, Long>();
        jdbc.sql("SELECT zone, count(*) AS tickets FROM ticket WHERE event_id = :eventId GROUP BY zone")
                .param("eventId", eventId)
                .query(rs -> {
                    perZone.put(rs.getString("zone"), rs.getLong("tickets"));
                });
        return perZone;
    }
}
