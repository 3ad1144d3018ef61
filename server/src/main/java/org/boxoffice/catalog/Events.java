package org.boxoffice.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code event} and {@code event_zone} tables. */
@Repository
class Events {

    private static final String SELECT_EVENT = """
            SELECT e.*, v.name AS venue_name, v.city AS venue_city
            FROM event e LEFT JOIN venue v ON v.id = e.venue_id
            """;

    private final JdbcClient jdbc;

    Events(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Event event, Instant now) {
        jdbc.sql("""
                        INSERT INTO event (
                            id, venue_id, kind, title, description, starts_at, sale_starts_at, sale_ends_at,
                            currency, status, hold_ttl_seconds, max_tickets_per_user, max_active_orders_per_user,
                            refund_cutoff_hours, limit_group, waiting_room_enabled, waiting_room_admit_per_second,
                            waiting_room_opens_minutes_before, waiting_room_token_ttl_seconds,
                            pricing_mode, inventory_mode, partner_base_url, created_at, updated_at)
                        VALUES (
                            :id, :venueId, :kind, :title, :description, :startsAt, :saleStartsAt, :saleEndsAt,
                            :currency, :status, :holdTtlSeconds, :maxTicketsPerUser, :maxActiveOrdersPerUser,
                            :refundCutoffHours, :limitGroup, :waitingRoomEnabled, :admitPerSecond,
                            :opensMinutesBefore, :tokenTtlSeconds,
                            :pricingMode, :inventoryMode, :partnerBaseUrl, :now, :now)
                        """)
                .param("id", event.id())
                .param("venueId", event.venue() != null ? event.venue().id() : null)
                .param("kind", event.kind().name())
                .param("title", event.title())
                .param("description", event.description())
                .param("startsAt", Timestamp.from(event.startsAt()))
                .param("currency", event.currency())
                .param("pricingMode", event.pricing().name())
                .param("inventoryMode", event.inventory().name())
                .param("partnerBaseUrl", event.partnerBaseUrl())
                .params(changeableColumns(event, now))
                .update();
        int position = 0;
        for (var zone : event.zones()) {
            insertZone(event.id(), zone, ++position);
        }
    }

    /** Stores what an administrator may change: status, sale window and rules. */
    void update(Event event, Instant now) {
        jdbc.sql("""
                        UPDATE event
                        SET status = :status, sale_starts_at = :saleStartsAt, sale_ends_at = :saleEndsAt,
                            hold_ttl_seconds = :holdTtlSeconds, max_tickets_per_user = :maxTicketsPerUser,
                            max_active_orders_per_user = :maxActiveOrdersPerUser,
                            refund_cutoff_hours = :refundCutoffHours, limit_group = :limitGroup,
                            waiting_room_enabled = :waitingRoomEnabled,
                            waiting_room_admit_per_second = :admitPerSecond,
                            waiting_room_opens_minutes_before = :opensMinutesBefore,
                            waiting_room_token_ttl_seconds = :tokenTtlSeconds,
                            updated_at = :now
                        WHERE id = :id
                        """)
                .param("id", event.id())
                .params(changeableColumns(event, now))
                .update();
    }

    Optional<Event> find(UUID id) {
        return find(id, "");
    }

    /** The event, its row locked until the transaction ends: changes are decided one at a time. */
    Optional<Event> findForUpdate(UUID id) {
        return find(id, "FOR UPDATE OF e");
    }

    /** The events of one page of a search, in start order, each with its zones. */
    List<Event> find(EventFilter filter, int limit, long offset) {
        var rows = jdbc.sql(SELECT_EVENT + filter.where() + """
                        ORDER BY e.starts_at, e.id
                        LIMIT :limit OFFSET :offset
                        """)
                .params(filter.parameters())
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, row) -> eventOf(rs))
                .list();
        var zones = zonesOf(rows.stream().map(Event::id).toList());
        return rows.stream()
                .map(event -> event.withZones(zones.getOrDefault(event.id(), List.of())))
                .toList();
    }

    long count(EventFilter filter) {
        return jdbc.sql("SELECT count(*) FROM event e " + filter.where())
                .params(filter.parameters())
                .query(Long.class)
                .single();
    }

    private Optional<Event> find(UUID id, String lock) {
        return jdbc.sql(SELECT_EVENT + "WHERE e.id = :id " + lock)
                .param("id", id)
                .query((rs, row) -> eventOf(rs))
                .optional()
                .map(event -> event.withZones(zonesOf(List.of(id)).getOrDefault(id, List.of())));
    }

    private void insertZone(UUID eventId, Event.Zone zone, int position) {
        jdbc.sql("""
                        INSERT INTO event_zone (event_id, code, position, name, seated, capacity, base_price)
                        VALUES (:eventId, :code, :position, :name, :seated, :capacity, :basePrice)
                        """)
                .param("eventId", eventId)
                .param("code", zone.code())
                .param("position", position)
                .param("name", zone.name())
                .param("seated", zone.seated())
                .param("capacity", zone.capacity())
                .param("basePrice", zone.basePrice())
                .update();
    }

    private Map<UUID, List<Event.Zone>> zonesOf(Collection<UUID> eventIds) {
        var zones = new HashMap<UUID, List<Event.Zone>>();
        if (eventIds.isEmpty()) {
            return zones;
        }
        jdbc.sql("""
                        SELECT event_id, code, name, seated, capacity, base_price
                        FROM event_zone WHERE event_id IN (:eventIds)
                        ORDER BY event_id, position
                        """).param("eventIds", List.copyOf(eventIds)).query(rs -> {
            zones.computeIfAbsent(rs.getObject("event_id", UUID.class), id -> new ArrayList<>())
                    .add(new Event.Zone(
                            rs.getString("code"),
                            rs.getString("name"),
                            rs.getBoolean("seated"),
                            rs.getInt("capacity"),
                            rs.getLong("base_price")));
        });
        return zones;
    }

    private static Map<String, Object> changeableColumns(Event event, Instant now) {
        var rules = event.rules();
        var columns = new HashMap<String, Object>();
        columns.put("status", event.status().name());
        columns.put("saleStartsAt", Timestamp.from(event.saleStartsAt()));
        columns.put("saleEndsAt", Timestamp.from(event.saleEndsAt()));
        columns.put("holdTtlSeconds", rules.holdTtlSeconds());
        columns.put("maxTicketsPerUser", rules.maxTicketsPerUser());
        columns.put("maxActiveOrdersPerUser", rules.maxActiveOrdersPerUser());
        columns.put("refundCutoffHours", rules.refundCutoffHours());
        columns.put("limitGroup", rules.limitGroup());
        columns.put("waitingRoomEnabled", rules.waitingRoom().enabled());
        columns.put("admitPerSecond", rules.waitingRoom().admitPerSecond());
        columns.put("opensMinutesBefore", rules.waitingRoom().opensMinutesBefore());
        columns.put("tokenTtlSeconds", rules.waitingRoom().tokenTtlSeconds());
        columns.put("now", Timestamp.from(now));
        return columns;
    }

    /** The event of the current row, without its zones. */
    private static Event eventOf(ResultSet rs) throws SQLException {
        var venueId = rs.getObject("venue_id", UUID.class);
        var venue = venueId == null
                ? null
                : new VenueSummary(venueId, rs.getString("venue_name"), rs.getString("venue_city"));
        var rules = new Rules(
                rs.getInt("hold_ttl_seconds"),
                rs.getInt("max_tickets_per_user"),
                rs.getInt("max_active_orders_per_user"),
                rs.getInt("refund_cutoff_hours"),
                rs.getString("limit_group"),
                new Rules.WaitingRoom(
                        rs.getBoolean("waiting_room_enabled"),
                        rs.getInt("waiting_room_admit_per_second"),
                        rs.getInt("waiting_room_opens_minutes_before"),
                        rs.getInt("waiting_room_token_ttl_seconds")));
        return new Event(
                rs.getObject("id", UUID.class),
                venue,
                EventKind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("description"),
                rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("sale_starts_at").toInstant(),
                rs.getTimestamp("sale_ends_at").toInstant(),
                rs.getString("currency"),
                EventStatus.valueOf(rs.getString("status")),
                rules,
                PricingMode.valueOf(rs.getString("pricing_mode")),
                InventoryMode.valueOf(rs.getString("inventory_mode")),
                rs.getString("partner_base_url"),
                List.of());
    }
}
