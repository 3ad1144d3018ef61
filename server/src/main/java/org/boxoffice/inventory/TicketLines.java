package org.boxoffice.inventory;

import java.io.IOException;
import java.util.UUID;

/**
 * Writes the tickets of a zone as lines of PostgreSQL's COPY text format, in the column order
 * of {@link #COLUMNS}. Zone codes and row labels are letters, digits and underscores only
 * (checked by {@link ZoneStock} and {@link SeatRow}), so no value needs escaping.
 */
final class TicketLines {

    static final String COLUMNS = "event_id, zone, seat, row_label, row_position, seat_number, rank, status";

    private static final String NULL = "\\N";

    private TicketLines() {}

    static void write(UUID eventId, ZoneStock zone, Appendable out) throws IOException {
        if (zone.isSeated()) {
            writeSeats(eventId.toString(), zone, out);
        } else {
            writeStanding(eventId.toString(), zone, out);
        }
    }

    private static void writeSeats(String eventId, ZoneStock zone, Appendable out) throws IOException {
        int seatsInFront = 0;
        int rowPosition = 0;
        for (var row : zone.rows()) {
            rowPosition++;
            for (int number = 1; number <= row.seats(); number++) {
                var seat = ZoneStock.seatId(zone.zone(), row.label(), number);
                int rank = seatsInFront + SeatRanking.positionInRow(number, row.seats()) + 1;
                var status = zone.isForSale(seat) ? TicketStatus.AVAILABLE : TicketStatus.NOT_FOR_SALE;
                line(out, eventId, zone.zone(), seat, row.label(), rowPosition, number, rank, status);
            }
            seatsInFront += row.seats();
        }
    }

    private static void writeStanding(String eventId, ZoneStock zone, Appendable out) throws IOException {
        var status = zone.wholeZoneForSale() ? TicketStatus.AVAILABLE : TicketStatus.NOT_FOR_SALE;
        for (int rank = 1; rank <= zone.standing(); rank++) {
            out.append(eventId).append('\t').append(zone.zone());
            out.append('\t').append(NULL).append('\t').append(NULL).append('\t').append(NULL);
            out.append('\t').append(NULL).append('\t').append(Integer.toString(rank));
            out.append('\t').append(status.name()).append('\n');
        }
    }

    private static void line(
            Appendable out,
            String eventId,
            String zone,
            String seat,
            String row,
            int rowPosition,
            int number,
            int rank,
            TicketStatus status)
            throws IOException {
        out.append(eventId).append('\t').append(zone).append('\t').append(seat);
        out.append('\t').append(row).append('\t').append(Integer.toString(rowPosition));
        out.append('\t').append(Integer.toString(number)).append('\t').append(Integer.toString(rank));
        out.append('\t').append(status.name()).append('\n');
    }
}
