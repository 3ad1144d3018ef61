package org.boxoffice.inventory;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tickets of one zone to create: either numbered seats in rows or a number of standing
 * places, and which of them are for sale. Tickets that are not for sale (outside a quota) are
 * created all the same, as {@link TicketStatus#NOT_FOR_SALE}, so that a seat map can show them.
 *
 * @param zone the zone code, also the first part of every seat id
 * @param rows the rows of a seated zone in venue order, front first; empty for standing places
 * @param standing the number of standing places; 0 for a seated zone
 * @param wholeZoneForSale every ticket of the zone is for sale
 * @param seatsForSale when not the whole zone, the seat ids that are for sale
 */
public record ZoneStock(
        String zone, List<SeatRow> rows, int standing, boolean wholeZoneForSale, Set<String> seatsForSale) {

    public static final String ZONE_PATTERN = "[A-Z0-9_]{1,32}";

    private static final Pattern ZONE = Pattern.compile(ZONE_PATTERN);

    public ZoneStock {
        if (!ZONE.matcher(zone).matches()) {
            throw new IllegalArgumentException("A zone code is 1 to 32 of A-Z, 0-9 and _: " + zone);
        }
        if (rows.isEmpty() == (standing == 0) || standing < 0) {
            throw new IllegalArgumentException("Zone " + zone + " needs either rows or standing places");
        }
        rows = List.copyOf(rows);
        seatsForSale = Set.copyOf(seatsForSale);
    }

    /** Numbered seats, all for sale. */
    public static ZoneStock seated(String zone, List<SeatRow> rows) {
        return new ZoneStock(zone, rows, 0, true, Set.of());
    }

    /** Standing places (general admission), all for sale. */
    public static ZoneStock standing(String zone, int places) {
        return new ZoneStock(zone, List.of(), places, true, Set.of());
    }

    /** The same tickets, of which only {@code seats} are for sale (none for standing places). */
    public ZoneStock onlyForSale(Set<String> seats) {
        return new ZoneStock(zone, rows, standing, false, seats);
    }

    public boolean isSeated() {
        return !rows.isEmpty();
    }

    /** How many tickets the zone has, for sale or not. */
    public int tickets() {
        return isSeated() ? rows.stream().mapToInt(SeatRow::seats).sum() : standing;
    }

    public static String seatId(String zone, String row, int number) {
        return zone + "-" + row + "-" + number;
    }

    boolean isForSale(String seatId) {
        return wholeZoneForSale || seatsForSale.contains(seatId);
    }
}
