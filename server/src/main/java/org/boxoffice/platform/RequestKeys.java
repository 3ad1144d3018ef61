package org.boxoffice.platform;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * Settles {@link RequestKey}s inside the caller's work. A key is claimed before the work it
 * guards runs and answered (or forgotten, when the work changed nothing) in the same transaction,
 * so a crash never leaves a key running, and many requests decided together pay one statement
 * each for their keys. Whatever the handler does not settle, the idempotency filter settles
 * after the request: a refusal that changed nothing is kept only if the key already had an
 * answer, which is then sent instead.
 */
public interface RequestKeys {

    /**
     * Claims the key in a transaction of its own, for work that spans more than one transaction
     * (a provider asked in between); the filter stores the answer afterwards, as for any request.
     *
     * @throws KeyInUse when another request has the key; the filter then answers with that one's
     *     answer
     */
    void claimApart(RequestKey key);

    /**
     * Claims the keys in the caller's transaction (a key abandoned by a crashed server is taken
     * over). Each claimed key must be answered or forgotten before that transaction commits.
     *
     * @return the keys another request has: their work must not run; answer them with {@link
     *     KeyInUse}
     */
    Set<RequestKey> claimAll(Collection<RequestKey> keys, Instant now);

    /** Stores the answers of claimed keys, in the caller's transaction; {@code body} is sent as JSON. */
    void answerAll(Collection<Answer> answers, Instant now);

    /** Drops claimed keys whose work changed nothing (a refusal), in the caller's transaction. */
    void forgetAll(Collection<RequestKey> keys);

    /** What a request answered: its status and the body its controller returned. */
    record Answer(RequestKey key, int status, Object body) {}

    /** The key belongs to a request that ran or is running; this one does not run. */
    final class KeyInUse extends ApiException {

        public KeyInUse() {
            super(409, "IDEMPOTENCY_KEY_IN_USE", "A request with this Idempotency-Key is still running.");
        }
    }
}
