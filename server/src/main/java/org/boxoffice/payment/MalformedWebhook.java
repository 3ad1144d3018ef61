package org.boxoffice.payment;

import org.boxoffice.platform.ApiException;

/** A correctly signed webhook whose body does not say what happened: {@code 400 VALIDATION}. */
class MalformedWebhook extends ApiException {

    MalformedWebhook(String detail) {
        super(400, "VALIDATION", detail);
    }
}
