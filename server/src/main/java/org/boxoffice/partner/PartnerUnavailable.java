package org.boxoffice.partner;

import org.boxoffice.platform.ApiException;

/** A partner venue could not be reached after retries: {@code 503 PROVIDER_UNAVAILABLE}. */
public class PartnerUnavailable extends ApiException {

    public PartnerUnavailable() {
        super(503, "PROVIDER_UNAVAILABLE", "The venue's box office could not be reached; please try again.");
    }
}
