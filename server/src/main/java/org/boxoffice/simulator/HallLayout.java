package org.boxoffice.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The seats of a partner venue's hall, as the partner's own system knows them, written {@code
 * ZONE:ROWS:SEATS} with zones separated by {@code ;}: {@code HALL:A-H,J-M:18} is rows A to H and
 * J to M of 18 seats each in zone {@code HALL}, seat ids {@code HALL-A-1} … {@code HALL-M-18}.
 * Rows are single labels or ranges of letters ({@code A-H}) or numbers ({@code 1-40}).
 */
record HallLayout(List<String> seatIds) {

    private static final Pattern ZONE = Pattern.compile("([A-Za-z0-9_]+):([A-Za-z0-9,\\-]+):(\\d{1,3})");

    HallLayout {
        seatIds = List.copyOf(seatIds);
    }

    /** A venue whose hall the simulator was not told about: it learns seats from requests only. */
    static HallLayout unknown() {
        return new HallLayout(List.of());
    }

    static HallLayout parse(String text) {
        var seats = new ArrayList<String>();
        for (var zone : text.replace(" ", "").split(";")) {
            var matcher = ZONE.matcher(zone);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("Not a hall layout like HALL:A-H,J-M:18: " + text);
            }
            int perRow = Integer.parseInt(matcher.group(3));
            for (var row : rows(matcher.group(2))) {
                for (int number = 1; number <= perRow; number++) {
                    seats.add(matcher.group(1) + "-" + row + "-" + number);
                }
            }
        }
        if (seats.isEmpty()) {
            throw new IllegalArgumentException("A hall layout has at least one seat: " + text);
        }
        return new HallLayout(seats);
    }

    boolean isKnown() {
        return !seatIds.isEmpty();
    }

    private static List<String> rows(String text) {
        var rows = new ArrayList<String>();
        for (var part : text.split(",")) {
            var range = part.split("-");
            if (range.length == 1) {
                rows.add(part);
            } else if (range.length == 2 && isNumber(range[0]) && isNumber(range[1])) {
                for (int row = Integer.parseInt(range[0]); row <= Integer.parseInt(range[1]); row++) {
                    rows.add(String.valueOf(row));
                }
            } else if (range.length == 2 && range[0].length() == 1 && range[1].length() == 1) {
                for (char row = range[0].charAt(0); row <= range[1].charAt(0); row++) {
                    rows.add(String.valueOf(row));
                }
            } else {
                throw new IllegalArgumentException("Not a row range like A-H or 1-40: " + part);
            }
        }
        return rows;
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.chars().allMatch(Character::isDigit);
    }
}
