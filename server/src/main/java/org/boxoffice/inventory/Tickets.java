package org.boxoffice.inventory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/** The {@code ticket} table. */
@Repository
class Tickets {

    private static final Logger log = LoggerFactory.getLogger(Tickets.class);

    private static final String COPY = "COPY ticket (" + TicketLines.COLUMNS + ") FROM STDIN";
    private static final int COPY_BUFFER_BYTES = 1 << 16;
    private static final String COPY_TIMEOUT = "5min";

    /**
     * Every reader sees a hold whose time has passed as available, whether or not the sweeper
     * has released it yet.
     */
    private static final String LIVE_STATUS = """
            CASE WHEN status = 'HELD' AND held_until < :now THEN 'AVAILABLE' ELSE status END""";

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    Tickets(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * Streams the tickets into the table with COPY, on the connection of the current transaction:
     * one statement for the whole stock instead of a round trip per row (the 100,000 tickets of
     * the stadium take about a second). The one statement may run longer than the server's usual
     * statement timeout (a larger venue, a busy machine), so it has a timeout of its own.
     */
    long copy(UUID eventId, List<ZoneStock> zones) {
        jdbc.sql("SET LOCAL statement_timeout = '" + COPY_TIMEOUT + "'").update();
        var connection = DataSourceUtils.getConnection(dataSource);
        try {
            var copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), COPY, COPY_BUFFER_BYTES);
            try {
                var out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), COPY_BUFFER_BYTES);
                for (var zone : zones) {
                    TicketLines.write(eventId, zone, out);
                }
                out.flush();
                return copy.endCopy();
            } catch (IOException | SQLException | RuntimeException e) {
                cancel(copy, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new UncategorizedSQLException("Creating the tickets of event " + eventId, COPY, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Creating the tickets of event " + eventId, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Refreshes the planner's statistics of the partition that holds the event's tickets. Events
     * created together share partitions, and one ANALYZE of a partition waits for another: past the
     * lock timeout this one gives up, and the other one or autovacuum does the work.
     */
    void analyze(UUID eventId) {
        try {
            jdbc.sql("SELECT tableoid::regclass::text FROM ticket WHERE event_id = :eventId LIMIT 1")
                    .param("eventId", eventId)
                    .query(String.class)
                    .optional()
                    .ifPresent(partition -> jdbc.sql("ANALYZE " + partition).update());
        } catch (RuntimeException e) {
            log.warn("Could not analyze the tickets of event {}; autovacuum will ({})", eventId, e.getMessage());
        }
    }

    /** Per zone, how many of {@code seats} are available to us (expired holds included). */
    Map<String, Long> availableAmong(UUID eventId, Collection<String> seats, Instant now) {
        var available = new HashMap<String, Long>();
        jdbc.sql("""
                        SELECT zone, count(*) AS seats FROM ticket
                        WHERE event_id = :eventId AND seat = ANY(:seats)
                          AND (status = 'AVAILABLE' OR (status = 'HELD' AND held_until < :now))
                        GROUP BY zone
                        """)
                .param("eventId", eventId)
                .param("seats", seats.toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .query(rs -> {
                    available.put(rs.getString("zone"), rs.getLong("seats"));
                });
        return available;
    }

    /** Per event and zone: available (expired holds included), held, sold and not for sale. */
    Map<UUID, Map<String, ZoneCount>> countByZone(Collection<UUID> eventIds, Instant now) {
        var counts = new HashMap<UUID, Map<String, ZoneCount>>();
        if (eventIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                        WITH live AS (
                            SELECT event_id, zone, %s AS status
                            FROM ticket
                            WHERE event_id IN (:eventIds)
                        )
                        SELECT event_id, zone,
                               count(*) FILTER (WHERE status = 'AVAILABLE')    AS available,
                               count(*) FILTER (WHERE status = 'HELD')         AS held,
                               count(*) FILTER (WHERE status = 'SOLD')         AS sold,
                               count(*) FILTER (WHERE status = 'NOT_FOR_SALE') AS not_for_sale
                        FROM live
                        GROUP BY event_id, zone
                        """.formatted(LIVE_STATUS))
                .param("eventIds", List.copyOf(eventIds))
                .param("now", Timestamp.from(now))
                .query(rs -> {
                    var count = new ZoneCount(
                            rs.getLong("available"),
                            rs.getLong("held"),
                            rs.getLong("sold"),
                            rs.getLong("not_for_sale"));
                    counts.computeIfAbsent(rs.getObject("event_id", UUID.class), id -> new HashMap<>())
                            .put(rs.getString("zone"), count);
                });
        return counts;
    }

    /** The seat rows of the given zones, in venue order, one status letter per seat. */
    Map<String, List<SeatRowStatus>> seatRows(UUID eventId, Collection<String> zones, Instant now) {
        var rows = new LinkedHashMap<String, List<SeatRowStatus>>();
        if (zones.isEmpty()) {
            return rows;
        }
        jdbc.sql("""
                        WITH live AS (
                            SELECT zone, row_position, row_label, seat_number, %s AS status
                            FROM ticket
                            WHERE event_id = :eventId AND zone IN (:zones) AND seat IS NOT NULL
                        )
                        SELECT zone, row_label,
                               string_agg(CASE status
                                              WHEN 'AVAILABLE' THEN 'A'
                                              WHEN 'HELD'      THEN 'H'
                                              WHEN 'SOLD'      THEN 'S'
                                              ELSE                  'X'
                                          END, '' ORDER BY seat_number) AS seats
                        FROM live
                        GROUP BY zone, row_position, row_label
                        ORDER BY zone, row_position
                        """.formatted(LIVE_STATUS))
                .param("eventId", eventId)
                .param("zones", List.copyOf(zones))
                .param("now", Timestamp.from(now))
                .query(rs -> {
                    rows.computeIfAbsent(rs.getString("zone"), zone -> new ArrayList<>())
                            .add(new SeatRowStatus(rs.getString("row_label"), rs.getString("seats")));
                });
        return rows;
    }

    private static void cancel(PGCopyOutputStream copy, Exception failure) {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
