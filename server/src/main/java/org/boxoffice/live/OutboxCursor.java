package org.boxoffice.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far the relay has read the outbox, by id. Ids are taken when a row is inserted but become
 * visible when its transaction commits, so a later id can be seen before an earlier one: an id
 * skipped over is remembered as a gap and looked for again until it shows up or {@code patience}
 * passes (a rolled-back transaction leaves its id unused forever). Too many gaps at once (a
 * sequence jump after a crash) are not all remembered; the streams' slow refresh covers them.
 */
final class OutboxCursor {

    static final int MAX_GAPS = 10_000;

    private final Duration patience;
    private final LinkedHashMap<Long, Instant> gaps = new LinkedHashMap<>();
    private long position;

    OutboxCursor(long position, Duration patience) {
        this.position = position;
        this.patience = patience;
    }

    /** The highest id read so far; the next read starts after it. */
    long position() {
        return position;
    }

    /** The ids skipped over that may still commit, oldest first; forgets those past patience. */
    List<Long> gaps(Instant now) {
        var forgetBefore = now.minus(patience);
        gaps.values().removeIf(noticed -> noticed.isBefore(forgetBefore));
        return List.copyOf(gaps.keySet());
    }

    /** Moves past the ids just read (in any order); ids jumped over become gaps. */
    void read(List<Long> ids, Instant now) {
        for (var id : ids.stream().sorted().toList()) {
            if (gaps.remove(id) == null && id > position) {
                rememberGaps(position + 1, id, now);
                position = id;
            }
        }
    }

    private void rememberGaps(long from, long to, Instant now) {
        var missing = new ArrayList<Long>();
        for (long id = Math.max(from, to - MAX_GAPS); id < to; id++) {
            missing.add(id);
        }
        missing.forEach(id -> gaps.put(id, now));
        forgetOldestBeyond(MAX_GAPS);
    }

    private void forgetOldestBeyond(int limit) {
        Iterator<Map.Entry<Long, Instant>> oldest = gaps.entrySet().iterator();
        while (gaps.size() > limit && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }
}
