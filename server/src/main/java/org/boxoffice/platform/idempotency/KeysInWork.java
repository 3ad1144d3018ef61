package org.boxoffice.platform.idempotency;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.boxoffice.platform.RequestKey;
import org.boxoffice.platform.RequestKeys;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keys settled by their handlers (see {@link RequestKeys}). A key counts as settled only once its
 * transaction committed: a group that is tried again claims its keys again.
 */
@Component
class KeysInWork implements RequestKeys {

    private final IdempotencyKeys keys;
    private final IdempotencySettings settings;
    private final JsonMapper json;
    private final Clock clock;

    KeysInWork(IdempotencyKeys keys, IdempotencySettings settings, JsonMapper json, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void claimApart(RequestKey requestKey) {
        var key = (HandlerKey) requestKey;
        var now = clock.instant();
        if (keys.claim(key.principal(), key.key(), key.fingerprint(), now)
                || keys.takeOverAbandoned(
                        key.principal(), key.key(), key.fingerprint(), now.minus(settings.abandonedAfter()), now)) {
            key.moveTo(HandlerKey.State.CLAIMED_APART);
            return;
        }
        key.moveTo(HandlerKey.State.TAKEN);
        throw new KeyInUse();
    }

    @Override
    public Set<RequestKey> claimAll(Collection<RequestKey> requestKeys, Instant now) {
        if (requestKeys.isEmpty()) {
            return Set.of();
        }
        var ours = keys.claimInTransaction(distinctInLockOrder(requestKeys), now.minus(settings.abandonedAfter()), now);
        var seen = new HashSet<List<String>>();
        var taken = new ArrayList<HandlerKey>();
        for (var requestKey : requestKeys) {
            var key = (HandlerKey) requestKey;
            var id = List.of(key.principal(), key.key());
            // A second request with the same key in the same group waits for the first one's answer.
            if (!ours.contains(id) || !seen.add(id)) {
                taken.add(key);
            }
        }
        // Taken whatever becomes of this transaction: what it saw was committed.
        taken.forEach(key -> key.moveTo(HandlerKey.State.TAKEN));
        return Set.copyOf(taken);
    }

    @Override
    public void answerAll(Collection<Answer> answers, Instant now) {
        if (answers.isEmpty()) {
            return;
        }
        var answered = answers.stream().map(answer -> (HandlerKey) answer.key()).toList();
        keys.answerInTransaction(
                answered,
                answers.stream().map(Answer::status).toList(),
                answers.stream()
                        .map(answer -> json.writeValueAsString(answer.body()))
                        .toList(),
                now);
        afterCommit(() -> answered.forEach(key -> key.moveTo(HandlerKey.State.SETTLED)));
    }

    @Override
    public void forgetAll(Collection<RequestKey> requestKeys) {
        if (requestKeys.isEmpty()) {
            return;
        }
        var forgotten = requestKeys.stream().map(key -> (HandlerKey) key).toList();
        keys.forgetInTransaction(forgotten);
        afterCommit(() -> forgotten.forEach(key -> key.moveTo(HandlerKey.State.SETTLED)));
    }

    /**
     * One of each key, ordered by lock: two transactions that claim overlapping keys take their
     * locks in the same order and so never deadlock.
     */
    private static List<HandlerKey> distinctInLockOrder(Collection<RequestKey> requestKeys) {
        var seen = new HashSet<List<String>>();
        return requestKeys.stream()
                .map(key -> (HandlerKey) key)
                .filter(key -> seen.add(List.of(key.principal(), key.key())))
                .sorted(Comparator.comparingInt(HandlerKey::lock))
                .toList();
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("Keys are settled in the transaction of the work they guard");
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
