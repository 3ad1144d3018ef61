package org.boxoffice.admission;

import org.boxoffice.platform.ApiException;

/**
 * An order for an event behind a waiting room came without a good admission token: none, a
 * lapsed one, or one issued to another user or for another event.
 */
public class NotAdmitted extends ApiException {

    NotAdmitted() {
        super(
                403,
                "NOT_ADMITTED",
                "This event sells through its waiting room: join the queue and send the admission token"
                        + " as X-Admission-Token.");
    }
}
