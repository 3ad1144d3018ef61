package org.boxoffice.payment;

/** The provider refused the request as such (4xx): sending it again would not help. */
class ProviderRejected extends RuntimeException {

    ProviderRejected(String message) {
        super(message);
    }
}
