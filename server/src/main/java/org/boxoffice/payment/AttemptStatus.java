package org.boxoffice.payment;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where one charge attempt stands. The transitions are here and nowhere else; the repository
 * applies them as conditional updates, so two writers (a charge call and a webhook) cannot both
 * win.
 *
 * <pre>
 * PENDING ──answer──▶ SUCCEEDED ──refund──▶ REFUNDED
 *    │   └─answer──▶ DECLINED
 *    └─no answer──▶ UNKNOWN ──webhook / reconciliation──▶ SUCCEEDED | DECLINED | FAILED
 *
 * a success of another amount or currency than asked, from any of them:
 *    PENDING | UNKNOWN | FAILED ──▶ MISMATCHED ──refunded by reconciliation──▶ MISMATCH_REFUNDED
 * </pre>
 */
enum AttemptStatus {
    /** Recorded before the provider is called; a call may be running. */
    PENDING,
    SUCCEEDED,
    DECLINED,
    /** Nothing was charged: the request never reached the provider. */
    FAILED,
    /** The calls ended without an answer; the money may or may not have been taken. */
    UNKNOWN,
    REFUNDED,
    /** The provider took another amount or currency than asked: no payment of the order; a refund is owed. */
    MISMATCHED,
    /** A mismatched payment, given back. */
    MISMATCH_REFUNDED;

    /** The statuses this one may be reached from. */
    Set<AttemptStatus> reachableFrom() {
        return switch (this) {
            case PENDING -> EnumSet.noneOf(AttemptStatus.class);
            case UNKNOWN -> EnumSet.of(PENDING);
            case DECLINED, FAILED -> EnumSet.of(PENDING, UNKNOWN);
            // A success the provider reports is a fact, even for an attempt we had given up on.
            case SUCCEEDED, MISMATCHED -> EnumSet.of(PENDING, UNKNOWN, FAILED);
            case REFUNDED -> EnumSet.of(SUCCEEDED);
            case MISMATCH_REFUNDED -> EnumSet.of(MISMATCHED);
        };
    }

    /** Still waiting for the provider's word. */
    boolean isOpen() {
        return this == PENDING || this == UNKNOWN;
    }

    /** While an attempt is open or succeeded, the order is not charged again. */
    boolean blocksAnotherCharge() {
        return isOpen() || this == SUCCEEDED;
    }
}
