package org.boxoffice.live;

import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.boxoffice.catalog.Viewer;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream. Frames go out through a mailbox of one: while a write is under way, a newer
 * frame replaces the waiting one, so a slow client costs one frame of memory and holds up nobody
 * else, and at most one write per stream runs at a time.
 */
final class Subscriber {

    private final SseEmitter emitter;
    private final Viewer viewer;
    private final Executor writers;
    private final AtomicReference<Frame> waiting = new AtomicReference<>();
    private long offeredVersion = -1;
    private volatile boolean gone;

    Subscriber(SseEmitter emitter, Viewer viewer, Executor writers) {
        this.emitter = emitter;
        this.viewer = viewer;
        this.writers = writers;
    }

    SseEmitter emitter() {
        return emitter;
    }

    Viewer viewer() {
        return viewer;
    }

    boolean isGone() {
        return gone;
    }

    /** Queues {@code frame} unless this stream already has it or a newer one. */
    void offer(Frame frame) {
        boolean startWriting;
        synchronized (this) {
            if (frame.version() <= offeredVersion) {
                return;
            }
            offeredVersion = frame.version();
            startWriting = waiting.getAndSet(frame) == null;
        }
        if (startWriting) {
            writers.execute(this::writeWaiting);
        }
    }

    /** A comment line for a stream that has nothing else to write. */
    void offerKeepAlive() {
        if (waiting.compareAndSet(null, Frame.KEEP_ALIVE)) {
            writers.execute(this::writeWaiting);
        }
    }

    void close() {
        gone = true;
        emitter.complete();
    }

    private void writeWaiting() {
        var frame = waiting.get();
        while (frame != null && !gone) {
            try {
                emitter.send(frame.parts());
            } catch (IOException | IllegalStateException e) {
                // The client went away or the stream is complete; the emitter's callbacks remove it.
                gone = true;
                return;
            }
            frame = waiting.compareAndSet(frame, null) ? null : waiting.get();
        }
    }
}
