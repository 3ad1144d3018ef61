package org.boxoffice.platform.idempotency;

import org.boxoffice.platform.RequestKey;

/**
 * A request's key while its handler settles it ({@link KeysInWork}), and how far it got. Set by
 * the thread that decides the work, read by the filter after the request: the handler's answer
 * arrives through a future or a return, either of which orders the two.
 */
final class HandlerKey implements RequestKey {

    enum State {
        /** Nothing claimed yet; a refusal that changed nothing ends here. */
        OPEN,
        /** Claimed in a transaction of its own: the filter stores the answer. */
        CLAIMED_APART,
        /** Claimed and answered (or forgotten) together with the work. */
        SETTLED,
        /** Another request has the key: the filter answers with that one's answer. */
        TAKEN
    }

    private final String principal;
    private final String key;
    private final byte[] fingerprint;
    private final int lock;
    private volatile State state = State.OPEN;

    HandlerKey(String principal, String key, byte[] fingerprint) {
        this.principal = principal;
        this.key = key;
        this.fingerprint = fingerprint;
        this.lock = (principal + '\n' + key).hashCode();
    }

    String principal() {
        return principal;
    }

    String key() {
        return key;
    }

    byte[] fingerprint() {
        return fingerprint;
    }

    /**
     * The key's advisory lock (with the namespace {@code hashtext('idempotency_key')}): held by the
     * transaction that claims it, so that a request that saw no claim can wait for one in flight.
     */
    int lock() {
        return lock;
    }

    State state() {
        return state;
    }

    void moveTo(State next) {
        state = next;
    }
}
