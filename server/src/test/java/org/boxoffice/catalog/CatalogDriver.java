package org.boxoffice.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.Api;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Drives the catalog over HTTP the way an administrator and visitors do, and sets ticket states
 * directly in the table where a test needs holds and sales that the ordering module would make.
 */
final class CatalogDriver {

    static final String ADMIN = "admin@boxoffice.local";

    final Api anonymous;
    final Api admin;
    private final Accounts accounts;
    private final JdbcClient jdbc;

    CatalogDriver(int port, Accounts accounts, JdbcClient jdbc) {
        this.anonymous = Api.at(port);
        this.admin = anonymous.as(accounts.tokenFor(ADMIN));
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    /** A signed-in visitor without any role but USER. */
    Api visitor() {
        var email = "visitor-" + UUID.randomUUID() + "@example.org";
        accounts.register(email, "visitor-password", "Visitor");
        return anonymous.as(accounts.tokenFor(email));
    }

    JsonNode createVenue(VenueDefinition definition) {
        var reply = admin.post("/api/v1/admin/venues", definition);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    UUID createVenueId(VenueDefinition definition) {
        return UUID.fromString(createVenue(definition).get("id").asString());
    }

    JsonNode createEvent(EventDefinition definition) {
        var reply = admin.post("/api/v1/admin/events", definition);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    UUID createEventId(EventDefinition definition) {
        return UUID.fromString(createEvent(definition).get("id").asString());
    }

    /** Marks the given seats HELD until {@code until} (in the past: an expired hold). */
    void hold(UUID eventId, Instant until, String... seats) {
        setSeats(eventId, "HELD", until, seats);
    }

    void sell(UUID eventId, String... seats) {
        setSeats(eventId, "SOLD", null, seats);
    }

    /** Marks {@code count} available tickets of a zone, best ranks first, HELD until {@code until}. */
    void holdInZone(UUID eventId, String zone, int count, Instant until) {
        setInZone(eventId, zone, count, "HELD", until);
    }

    void sellInZone(UUID eventId, String zone, int count) {
        setInZone(eventId, zone, count, "SOLD", null);
    }

    long tickets(UUID eventId) {
        return jdbc.sql("SELECT count(*) FROM ticket WHERE event_id = :eventId")
                .param("eventId", eventId)
                .query(Long.class)
                .single();
    }

    long rows(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    private void setSeats(UUID eventId, String status, Instant until, String... seats) {
        int changed = jdbc.sql("""
                        UPDATE ticket SET status = :status, held_until = :until, order_id = gen_random_uuid()
                        WHERE event_id = :eventId AND seat IN (:seats)
                        """)
                .param("status", status)
                .param("until", until == null ? null : Timestamp.from(until))
                .param("eventId", eventId)
                .param("seats", List.of(seats))
                .update();
        assertThat(changed).isEqualTo(seats.length);
    }

    private void setInZone(UUID eventId, String zone, int count, String status, Instant until) {
        int changed = jdbc.sql("""
                        UPDATE ticket SET status = :status, held_until = :until, order_id = gen_random_uuid()
                        WHERE event_id = :eventId AND id IN (
                            SELECT id FROM ticket
                            WHERE event_id = :eventId AND zone = :zone AND status = 'AVAILABLE'
                            ORDER BY rank LIMIT :count)
                        """)
                .param("status", status)
                .param("until", until == null ? null : Timestamp.from(until))
                .param("eventId", eventId)
                .param("zone", zone)
                .param("count", count)
                .update();
        assertThat(changed).isEqualTo(count);
    }
}
