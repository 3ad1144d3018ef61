package org.boxoffice.loadtest.scenario;

import java.util.List;
import java.util.UUID;

/** One flight's live zone counts from {@code GET /events/{id}}. */
record FlightCounts(UUID eventId, List<Zone> zones) {

    FlightCounts {
        zones = List.copyOf(zones);
    }

    record Zone(String code, long capacity, long available, long held, long sold) {

        boolean addsUp() {
            return available + held + sold == capacity;
        }
    }
}
