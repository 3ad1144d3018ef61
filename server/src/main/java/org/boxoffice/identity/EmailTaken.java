package org.boxoffice.identity;

import org.boxoffice.platform.ApiException;

class EmailTaken extends ApiException {

    EmailTaken() {
        super(409, "EMAIL_TAKEN", "An account with this email exists already.");
    }
}
