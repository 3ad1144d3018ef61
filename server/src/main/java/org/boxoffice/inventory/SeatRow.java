package org.boxoffice.inventory;

import java.util.regex.Pattern;

/**
 * One row of a seated zone: its label as the venue prints it and how many seats it has,
 * numbered from 1.
 */
public record SeatRow(String label, int seats) {

    /** Letters and digits only, so that a seat id {@code ZONE-ROW-NUMBER} always splits back apart. */
    public static final String LABEL_PATTERN = "[A-Za-z0-9]{1,16}";

    public static final int MAX_SEATS = 1000;

    private static final Pattern LABEL = Pattern.compile(LABEL_PATTERN);

    public SeatRow {
        if (!LABEL.matcher(label).matches()) {
            throw new IllegalArgumentException("A row label is 1 to 16 letters or digits: " + label);
        }
        if (seats < 1 || seats > MAX_SEATS) {
            throw new IllegalArgumentException("A row has 1 to " + MAX_SEATS + " seats: " + seats);
        }
    }
}
