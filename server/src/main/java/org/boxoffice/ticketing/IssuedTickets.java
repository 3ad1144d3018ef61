package org.boxoffice.ticketing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code issued_ticket} table. */
@Repository
class IssuedTickets {

    private static final String COLUMNS = "ticket_id, order_id, event_id, zone, seat, code, qr, status";

    private final JdbcClient jdbc;

    IssuedTickets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(IssuedTicket ticket, UUID userId, Instant now) {
        jdbc.sql("""
                        INSERT INTO issued_ticket
                            (ticket_id, order_id, event_id, user_id, zone, seat, code, qr, status, issued_at)
                        VALUES (:ticketId, :orderId, :eventId, :userId, :zone, :seat, :code, :qr, 'VALID', :now)
                        """)
                .param("ticketId", ticket.ticketId())
                .param("orderId", ticket.orderId())
                .param("eventId", ticket.eventId())
                .param("userId", userId)
                .param("zone", ticket.zone())
                .param("seat", ticket.seat())
                .param("code", ticket.code())
                .param("qr", ticket.qr())
                .param("now", Timestamp.from(now))
                .update();
    }

    List<IssuedTicket> ofOrder(UUID orderId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM issued_ticket WHERE order_id = :orderId ORDER BY zone, seat, ticket_id")
                .param("orderId", orderId)
                .query(IssuedTickets::issuedTicket)
                .list();
    }

    List<IssuedTicket> ofUser(UUID userId, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM issued_ticket WHERE user_id = :userId
                        ORDER BY issued_at DESC, ticket_id
                        LIMIT :size OFFSET :offset
                        """)
                .param("userId", userId)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(IssuedTickets::issuedTicket)
                .list();
    }

    long countOfUser(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM issued_ticket WHERE user_id = :userId")
                .param("userId", userId)
                .query(Long.class)
                .single();
    }

    /** The user's e-ticket for the ticket; the live one if the ticket was resold to them. */
    Optional<IssuedTicket> ofUser(UUID userId, UUID ticketId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM issued_ticket WHERE user_id = :userId AND ticket_id = :ticketId
                        ORDER BY status = 'VOID', issued_at DESC LIMIT 1
                        """)
                .param("userId", userId)
                .param("ticketId", ticketId)
                .query(IssuedTickets::issuedTicket)
                .optional();
    }

    Optional<IssuedTicket> byCode(UUID ticketId, String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM issued_ticket WHERE ticket_id = :ticketId AND code = :code")
                .param("ticketId", ticketId)
                .param("code", code)
                .query(IssuedTickets::issuedTicket)
                .optional();
    }

    /** Marks the e-ticket used if it is still valid; of two scanners at once, one wins. */
    Optional<IssuedTicket> admit(UUID ticketId, String code, Instant now) {
        return jdbc.sql("UPDATE issued_ticket SET status = 'USED', checked_in_at = :now"
                        + " WHERE ticket_id = :ticketId AND code = :code AND status = 'VALID' RETURNING " + COLUMNS)
                .param("ticketId", ticketId)
                .param("code", code)
                .param("now", Timestamp.from(now))
                .query(IssuedTickets::issuedTicket)
                .optional();
    }

    int voidOrder(UUID orderId) {
        return jdbc.sql("UPDATE issued_ticket SET status = 'VOID' WHERE order_id = :orderId AND status <> 'VOID'")
                .param("orderId", orderId)
                .update();
    }

    private static IssuedTicket issuedTicket(ResultSet rs, int row) throws SQLException {
        return new IssuedTicket(
                rs.getObject("ticket_id", UUID.class),
                rs.getObject("order_id", UUID.class),
                rs.getObject("event_id", UUID.class),
                rs.getString("zone"),
                rs.getString("seat"),
                rs.getString("code"),
                rs.getString("qr"),
                IssuedTicket.Status.valueOf(rs.getString("status")));
    }
}
