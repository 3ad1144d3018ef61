package org.boxoffice.platform;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether a provider is answering at all, as seen by all our calls to it together. A try notes
 * the count of answers when it is sent; if it then times out, {@link #answeredSince} tells whether
 * the provider answered anybody else while it waited. If it did, the provider is alive and the
 * timeout is laid to our own overload (or the provider's latency tail), not to an outage.
 *
 * <p>An answer here is one the provider gave as a working system: a result, or a refusal of the
 * request as such. A 5xx or an unreadable body is no sign of health.
 */
final class ProviderLiveness {

    private final AtomicLong answers = new AtomicLong();

    /** A mark to hand to {@link #answeredSince} later. */
    long mark() {
        return answers.get();
    }

    void answered() {
        answers.incrementAndGet();
    }

    boolean answeredSince(long mark) {
        return answers.get() != mark;
    }
}
