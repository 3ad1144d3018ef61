package org.boxoffice.live;

import java.util.List;
import java.util.UUID;
import org.boxoffice.catalog.EventDetail;
import org.boxoffice.platform.Money;

/** The data of one {@code availability} event: each zone's counts and current price. */
record Availability(UUID eventId, List<Zone> zones) {

    record Zone(String code, long available, long held, long sold, Money price) {}

    static Availability of(EventDetail detail) {
        return new Availability(
                detail.id(),
                detail.zones().stream()
                        .map(zone -> new Zone(zone.code(), zone.available(), zone.held(), zone.sold(), zone.price()))
                        .toList());
    }
}
