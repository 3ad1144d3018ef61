package org.boxoffice.loadtest.streams;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One open stream, read without a thread of its own: the HTTP client hands it lines as they
 * arrive. It notes when the first {@code availability} event came and when the first one after
 * {@link #expectUpdateAfter(long)} did.
 */
final class StreamProbe implements Flow.Subscriber<String> {

    private final long openedAt = System.nanoTime();
    private final Runnable settled;
    private final AtomicBoolean isSettled = new AtomicBoolean();
    private final CountDownLatch updated;
    private volatile Flow.@Nullable Subscription subscription;
    private volatile long firstEventAt;
    private volatile long updateAt;
    private volatile long expectUpdateAfter = Long.MAX_VALUE;
    private @Nullable String eventName;
    private volatile @Nullable String firstData;

    /**
     * @param settled run once, when the first event came or the stream failed before it
     * @param updated counted down when the update came
     */
    StreamProbe(Runnable settled, CountDownLatch updated) {
        this.settled = settled;
        this.updated = updated;
    }

    /** The stream got its first event or will never get it; idempotent. */
    void settle() {
        if (isSettled.compareAndSet(false, true)) {
            settled.run();
        }
    }

    /** Whatever event arrives after {@code nanoTime} counts as the update. */
    void expectUpdateAfter(long nanoTime) {
        expectUpdateAfter = nanoTime;
    }

    boolean isOpen() {
        return firstEventAt != 0;
    }

    /** Nanoseconds from the request to the first event; 0 when none came. */
    long openingTime() {
        return firstEventAt == 0 ? 0 : firstEventAt - openedAt;
    }

    /** When the update arrived ({@link System#nanoTime()}); 0 when none did. */
    long updateAt() {
        return updateAt;
    }

    @Nullable
    String firstData() {
        return firstData;
    }

    void cancel() {
        var current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        if (line.startsWith("event:")) {
            eventName = line.substring("event:".length()).strip();
        } else if (line.startsWith("data:") && "availability".equals(eventName)) {
            received(line.substring("data:".length()).strip());
        } else if (line.isEmpty()) {
            eventName = null;
        }
    }

    private void received(String data) {
        long now = System.nanoTime();
        if (firstEventAt == 0) {
            firstData = data;
            firstEventAt = now;
            settle();
        } else if (updateAt == 0 && now > expectUpdateAfter) {
            updateAt = now;
            updated.countDown();
        }
    }

    @Override
    public void onError(Throwable throwable) {
        // A stream that failed before its first event is simply not open; the report counts it.
        settle();
    }

    @Override
    public void onComplete() {
        settle();
    }
}
