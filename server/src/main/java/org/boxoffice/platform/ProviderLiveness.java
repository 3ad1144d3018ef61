package org.boxoffice.platform;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Whether a timeout was the provider's doing, judged from all our calls to it together. A try
 * notes the count of answers when it is sent. If it times out and the provider answered anybody
 * meanwhile, the provider is alive: the timeout is laid to our own load (or the provider's latency
 * tail) and forgiven at once. If nobody was answered, the timeout is a suspect for a while
 * ({@code silenceBeforeBlame}): an answer to anybody in that time forgives it too, because when our
 * own process is starved of CPU every call of a burst times out together and the answers come a
 * moment later. Only a timeout followed by that much silence is held against the provider.
 *
 * <p>An answer here is one the provider gave as a working system: a result, or a refusal of the
 * request as such. A 5xx or an unreadable body is no sign of health.
 */
final class ProviderLiveness {

    /** What became of a timeout. */
    interface Verdicts {

        void forgiven();

        void blamed(Suspect suspect);
    }

    record Suspect(long answersSeen, long timedOutAt, long tookNanos, ProviderTimedOut timeout) {}

    private final AtomicLong answers = new AtomicLong();
    private final Queue<Suspect> suspects = new ArrayDeque<>();
    private final long silenceBeforeBlame;
    private final LongSupplier nanoTime;

    ProviderLiveness(Duration silenceBeforeBlame, LongSupplier nanoTime) {
        this.silenceBeforeBlame = silenceBeforeBlame.toNanos();
        this.nanoTime = nanoTime;
    }

    /** A mark to hand to {@link #timedOut} later. */
    long mark() {
        return answers.get();
    }

    void answered() {
        answers.incrementAndGet();
    }

    /** A try sent at {@code mark} timed out after {@code tookNanos}: forgiven now, or a suspect. */
    void timedOut(long mark, long tookNanos, ProviderTimedOut timeout, Verdicts verdicts) {
        if (answers.get() != mark) {
            verdicts.forgiven();
            return;
        }
        synchronized (suspects) {
            suspects.add(new Suspect(mark, nanoTime.getAsLong(), tookNanos, timeout));
        }
        judge(verdicts);
    }

    void forgetSuspects() {
        synchronized (suspects) {
            suspects.clear();
        }
    }

    /**
     * Decides the suspects that can be decided now: forgiven when the provider answered anybody
     * since they timed out, blamed once the silence after them has lasted long enough.
     */
    void judge(Verdicts verdicts) {
        long now = nanoTime.getAsLong();
        synchronized (suspects) {
            while (!suspects.isEmpty()) {
                var oldest = suspects.peek();
                if (answers.get() != oldest.answersSeen()) {
                    suspects.remove();
                    verdicts.forgiven();
                } else if (now - oldest.timedOutAt() >= silenceBeforeBlame) {
                    suspects.remove();
                    verdicts.blamed(oldest);
                } else {
                    // The younger ones saw no fewer answers and timed out later: none is due yet.
                    return;
                }
            }
        }
    }
}
