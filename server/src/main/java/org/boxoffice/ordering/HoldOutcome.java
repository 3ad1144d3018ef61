package org.boxoffice.ordering;

import org.boxoffice.platform.ApiException;
import org.jspecify.annotations.Nullable;

/** What one hold of a group came to: its order, or the refusal to answer with. */
record HoldOutcome(@Nullable OrderView order, @Nullable ApiException refusal) {

    static HoldOutcome placed(OrderView order) {
        return new HoldOutcome(order, null);
    }

    static HoldOutcome refused(ApiException refusal) {
        return new HoldOutcome(null, refusal);
    }

    void answer(QueuedHold hold) {
        if (order != null) {
            hold.answer().complete(order);
        } else {
            hold.answer().completeExceptionally(refusal);
        }
    }
}
