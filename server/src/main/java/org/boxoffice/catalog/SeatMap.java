package org.boxoffice.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.boxoffice.inventory.SeatRowStatus;

/**
 * The seats of an event by zone and row: one letter per seat, {@code A} available, {@code H}
 * held, {@code S} sold, {@code X} not for sale. A general-admission zone has no rows.
 */
public record SeatMap(UUID eventId, List<Zone> zones) {

    public record Zone(String code, List<SeatRowStatus> rows) {}

    /**
     * The same map with {@code soldElsewhere} (seat ids a partner sold through its own channels)
     * shown as {@code S} where this map would offer them as available.
     */
    public SeatMap withSoldElsewhere(java.util.Set<String> soldElsewhere) {
        if (soldElsewhere.isEmpty()) {
            return this;
        }
        var merged = zones.stream()
                .map(zone -> new Zone(
                        zone.code(),
                        zone.rows().stream()
                                .map(row -> soldElsewhere(zone.code(), row, soldElsewhere))
                                .toList()))
                .toList();
        return new SeatMap(eventId, merged);
    }

    private static SeatRowStatus soldElsewhere(String zone, SeatRowStatus row, java.util.Set<String> sold) {
        var seats = row.seats().toCharArray();
        for (int number = 1; number <= seats.length; number++) {
            if (seats[number - 1] == 'A' && sold.contains(zone + "-" + row.row() + "-" + number)) {
                seats[number - 1] = 'S';
            }
        }
        return new SeatRowStatus(row.row(), new String(seats));
    }

    /**
     * A strong entity tag: a hash of everything the map says, so equal maps have equal tags and
     * a changed seat changes the tag.
     */
    public String etag() {
        var digest = sha256();
        update(digest, eventId.toString());
        for (var zone : zones) {
            update(digest, zone.code());
            for (var row : zone.rows()) {
                update(digest, row.row());
                update(digest, row.seats());
            }
        }
        // 128 bits are plenty to tell two versions of one seat map apart.
        return '"' + HexFormat.of().formatHex(digest.digest(), 0, 16) + '"';
    }

    private static void update(MessageDigest digest, String part) {
        // Length-prefixed, so that ("AB", "C") and ("A", "BC") hash differently.
        digest.update(Integer.toString(part.length()).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(part.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
