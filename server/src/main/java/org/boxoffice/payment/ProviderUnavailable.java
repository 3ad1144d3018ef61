package org.boxoffice.payment;

/** The provider gave no usable answer (timeout, connection failure, 5xx): try again, same key. */
class ProviderUnavailable extends RuntimeException {

    ProviderUnavailable(String message) {
        super(message);
    }

    ProviderUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
