package org.boxoffice.catalog;

import java.util.UUID;
import org.boxoffice.platform.InvalidInput;

/** {@code 422 VALIDATION}: the event has no zone with that code. */
public class UnknownZone extends InvalidInput {

    public UnknownZone(UUID eventId, String zone) {
        super("Event " + eventId + " has no zone '" + zone + "'.");
    }
}
