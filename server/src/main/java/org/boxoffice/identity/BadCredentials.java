package org.boxoffice.identity;

import org.boxoffice.platform.ApiException;

class BadCredentials extends ApiException {

    BadCredentials() {
        super(401, "BAD_CREDENTIALS", "The email or the password is wrong.");
    }
}
