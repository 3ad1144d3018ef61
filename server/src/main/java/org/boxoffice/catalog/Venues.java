package org.boxoffice.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code venue}, {@code venue_zone} and {@code venue_row} tables. */
@Repository
class Venues {

    private final JdbcClient jdbc;

    Venues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Venue venue, Instant now) {
        jdbc.sql("INSERT INTO venue (id, name, city, created_at) VALUES (:id, :name, :city, :now)")
                .param("id", venue.id())
                .param("name", venue.name())
                .param("city", venue.city())
                .param("now", Timestamp.from(now))
                .update();
        int position = 0;
        for (var zone : venue.zones()) {
            insertZone(venue.id(), zone, ++position);
            insertRows(venue.id(), zone);
        }
    }

    Optional<Venue> find(UUID id) {
        return jdbc.sql("SELECT id, name, city FROM venue WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> new Venue(
                        rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("city"), List.of()))
                .optional()
                .map(venue -> new Venue(venue.id(), venue.name(), venue.city(), zonesOf(id)));
    }

    private void insertZone(UUID venueId, Venue.Zone zone, int position) {
        jdbc.sql("""
                        INSERT INTO venue_zone (venue_id, code, position, name, seated, capacity)
                        VALUES (:venueId, :code, :position, :name, :seated, :capacity)
                        """)
                .param("venueId", venueId)
                .param("code", zone.code())
                .param("position", position)
                .param("name", zone.name())
                .param("seated", zone.seated())
                .param("capacity", zone.capacity())
                .update();
    }

    /** All rows of a zone in one statement; their position is their place in the list. */
    private void insertRows(UUID venueId, Venue.Zone zone) {
        if (zone.rows().isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO venue_row (venue_id, zone, position, label, seats)
                        SELECT :venueId, :zone, given.position, given.label, given.seats
                        FROM unnest(CAST(:labels AS text[]), CAST(:seats AS integer[]))
                             WITH ORDINALITY AS given (label, seats, position)
                        """)
                .param("venueId", venueId)
                .param("zone", zone.code())
                .param("labels", zone.rows().stream().map(Venue.Row::row).toArray(String[]::new))
                .param("seats", zone.rows().stream().mapToInt(Venue.Row::seats).toArray())
                .update();
    }

    private List<Venue.Zone> zonesOf(UUID venueId) {
        var rows = rowsOf(venueId);
        return jdbc.sql("""
                        SELECT code, name, seated, capacity
                        FROM venue_zone WHERE venue_id = :venueId
                        ORDER BY position
                        """)
                .param("venueId", venueId)
                .query((rs, row) -> new Venue.Zone(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getBoolean("seated"),
                        rows.getOrDefault(rs.getString("code"), List.of()),
                        rs.getInt("capacity")))
                .list();
    }

    private Map<String, List<Venue.Row>> rowsOf(UUID venueId) {
        var rows = new HashMap<String, List<Venue.Row>>();
        jdbc.sql("SELECT zone, label, seats FROM venue_row WHERE venue_id = :venueId ORDER BY zone, position")
                .param("venueId", venueId)
                .query(rs -> {
                    rows.computeIfAbsent(rs.getString("zone"), zone -> new ArrayList<>())
                            .add(new Venue.Row(rs.getString("label"), rs.getInt("seats")));
                });
        return rows;
    }
}
