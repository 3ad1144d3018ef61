package org.boxoffice.ordering;

import java.util.UUID;
import org.boxoffice.admission.WaitingRoom;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.catalog.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Reads an event's sale terms from the catalog. */
@Component
class SaleTermsLookup {

    private final Catalog catalog;
    private final WaitingRoom waitingRoom;

    SaleTermsLookup(Catalog catalog, WaitingRoom waitingRoom) {
        this.catalog = catalog;
        this.waitingRoom = waitingRoom;
    }

    /**
     * The terms for a buyer who is through the event's waiting room, if it has one: their
     * admission token is checked by its signature, without a round trip.
     *
     * @throws org.boxoffice.admission.NotAdmitted when the event has a waiting room and the token
     *     does not admit this buyer
     */
    SaleTerms forAdmittedBuyer(UUID eventId, UUID userId, @Nullable String admissionToken) {
        var terms = forBuyer(eventId, userId);
        if (terms.behindWaitingRoom()) {
            waitingRoom.requireAdmitted(userId, eventId, admissionToken);
        }
        return terms;
    }

    /** The terms as the buyer may see them (drafts do not exist for buyers). */
    SaleTerms forBuyer(UUID eventId, UUID userId) {
        return new SaleTerms(catalog.saleConditions(eventId, new Viewer(userId, false)));
    }

    /** The terms whatever the event's status now, for orders that exist already. */
    SaleTerms of(UUID eventId) {
        return new SaleTerms(catalog.saleConditions(eventId, new Viewer(null, true)));
    }
}
