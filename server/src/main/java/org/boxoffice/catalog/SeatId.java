package org.boxoffice.catalog;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A readable seat id, {@code {zone}-{row}-{number}} ({@code GOLD-12-7}). Zone codes and row
 * labels contain no dash, so the id splits back apart unambiguously.
 */
record SeatId(String zone, String row, int number) {

    static Optional<SeatId> parse(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        var parts = text.split("-", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || !isNumber(parts[2])) {
            return Optional.empty();
        }
        return Optional.of(new SeatId(parts[0], parts[1], Integer.parseInt(parts[2])));
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.length() <= 4 && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    @Override
    public String toString() {
        return zone + "-" + row + "-" + number;
    }
}
