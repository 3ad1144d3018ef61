package org.boxoffice.ordering;

import java.util.UUID;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.catalog.Viewer;
import org.springframework.stereotype.Component;

/** Reads an event's sale terms from the catalog. */
@Component
class EventTerms {

    private final Catalog catalog;

    EventTerms(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The terms as the buyer may see them (drafts do not exist for buyers). */
    SaleTerms forBuyer(UUID eventId, UUID userId) {
        return SaleTerms.of(catalog.saleConditions(eventId, new Viewer(userId, false)));
    }

    /** The terms whatever the event's status now, for orders that exist already. */
    SaleTerms of(UUID eventId) {
        return SaleTerms.of(catalog.saleConditions(eventId, new Viewer(null, true)));
    }
}
