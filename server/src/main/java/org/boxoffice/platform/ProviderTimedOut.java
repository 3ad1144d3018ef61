package org.boxoffice.platform;

/**
 * A provider gave no answer within the time one try may take (a read timeout, or the whole-call
 * limit while it stalled its body). Retried like any {@link ProviderUnavailable}, but held against
 * the circuit breaker only when the provider answered nobody else meanwhile: a timeout while it
 * keeps answering other calls says more about our own load than about the provider.
 */
public class ProviderTimedOut extends ProviderUnavailable {

    public ProviderTimedOut(String message, Throwable cause) {
        super(message, cause);
    }

    public ProviderTimedOut(String message) {
        super(message);
    }
}
