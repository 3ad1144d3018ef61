package org.boxoffice.platform;

/**
 * A provider gave no usable answer (timeout, connection failure, 5xx, an unreadable body): worth
 * trying again with the same idempotency key. Thrown by adapters inside {@link ProviderCalls},
 * which retries it and counts it against the circuit breaker; it never reaches a client.
 */
public class ProviderUnavailable extends RuntimeException {

    public ProviderUnavailable(String message) {
        super(message);
    }

    public ProviderUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
