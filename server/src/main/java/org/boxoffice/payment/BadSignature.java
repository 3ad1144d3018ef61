package org.boxoffice.payment;

import org.boxoffice.platform.ApiException;

class BadSignature extends ApiException {

    BadSignature() {
        super(401, "BAD_SIGNATURE", "The X-Signature header is missing or does not match the body.");
    }
}
