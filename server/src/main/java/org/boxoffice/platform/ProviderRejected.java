package org.boxoffice.platform;

/**
 * A provider refused the request as such (a 4xx it did not mean as a business answer): sending
 * it again would not help, so {@link ProviderCalls} neither retries it nor holds it against the
 * circuit breaker.
 */
public class ProviderRejected extends RuntimeException {

    public ProviderRejected(String message) {
        super(message);
    }
}
