package org.boxoffice.catalog;

import java.util.UUID;
import org.boxoffice.platform.NotFound;

/** {@code 404 EVENT_NOT_FOUND}: no such event, or a draft and the caller is no administrator. */
public class EventNotFound extends NotFound {

    public EventNotFound(UUID eventId) {
        super("EVENT_NOT_FOUND", "There is no event " + eventId + ".");
    }
}
