package org.boxoffice.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A venue: its zones in the order it lists them. */
public record Venue(UUID id, String name, String city, List<Zone> zones) {

    public Optional<Zone> zone(String code) {
        return zones.stream().filter(zone -> zone.code().equals(code)).findFirst();
    }

    /**
     * A seated zone has rows (front first) and a capacity that is their sum; a general zone has
     * a capacity and no rows (the member is left out of its JSON).
     */
    public record Zone(
            String code,
            String name,
            boolean seated,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Row> rows,
            int capacity) {}

    public record Row(String row, int seats) {}
}
