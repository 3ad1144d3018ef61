package org.boxoffice.catalog;

import java.util.UUID;

/**
 * Whether a user took part in an event: holds a live or paid order for it (the grab-activity
 * page's "already took part"). The catalog does not know orders; the ordering module answers by
 * declaring a bean of this type. Until one exists, nobody has taken part; when several exist, a
 * user took part when any of them says so.
 */
@FunctionalInterface
public interface ParticipationCheck {

    boolean participated(UUID eventId, UUID userId);
}
