package org.boxoffice.eventstream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which outbox rows may go out, strictly in id order. An id is taken when a row is inserted but
 * the row is seen only when its transaction commits, so a later id can be seen before an
 * earlier one: the earlier id is a gap, and nothing after it goes out while the transaction
 * that took it may still commit (a later change of the same order would otherwise overtake it).
 * A gap is given up once every transaction running when it was first seen has ended: it was
 * rolled back, or the sequence jumped (a crash), and will never fill.
 *
 * <p>This relies on the outbox row being written after the change it records, in the same
 * transaction (so that transaction is already running, with its id, when it takes the row's
 * id): {@code Outbox} requires a running transaction, and every caller changes state first.
 */
final class PublishingPosition {

    /** First missing id → the first transaction id not yet started when that gap was first seen. */
    private final Map<Long, Long> gaps = new HashMap<>();

    private long through;

    PublishingPosition(long through) {
        this.through = through;
    }

    /** Every id up to this one has gone out or never will. */
    long through() {
        return through;
    }

    /** Of {@code read} (rows after {@link #through()}, oldest first), those that may go out now. */
    List<OutboxFeed.Row> ready(List<OutboxFeed.Row> read) {
        var ready = new ArrayList<OutboxFeed.Row>();
        long expected = through + 1;
        for (var row : read) {
            if (row.id() > expected && !givenUp(expected, row)) {
                break;
            }
            ready.add(row);
            expected = row.id() + 1;
        }
        return ready;
    }

    /** {@code id} went out (and every row before it that was ready). */
    void sent(long id) {
        through = Math.max(through, id);
        gaps.keySet().removeIf(gap -> gap <= through);
    }

    private boolean givenUp(long gap, OutboxFeed.Row seenAfter) {
        var firstUnstarted = gaps.putIfAbsent(gap, seenAfter.firstUnstarted());
        return firstUnstarted != null && seenAfter.oldestRunning() >= firstUnstarted;
    }
}
