package org.boxoffice.catalog;

import org.jspecify.annotations.Nullable;

/**
 * How an event sells: how long a hold lasts, how much one person may buy, until when a paid
 * ticket may be returned, and whether buyers queue in a waiting room first.
 *
 * @param limitGroup events sharing a group count a user's live orders together against {@code
 *     maxActiveOrdersPerUser} (the demo flights share {@code flights})
 */
public record Rules(
        int holdTtlSeconds,
        int maxTicketsPerUser,
        int maxActiveOrdersPerUser,
        int refundCutoffHours,
        @Nullable String limitGroup,
        WaitingRoom waitingRoom) {

    public static final Rules DEFAULTS = new Rules(600, 10, 3, 12, null, WaitingRoom.DEFAULTS);

    /**
     * When enabled, buyers queue first and are admitted {@code admitPerSecond} a second.
     *
     * @param opensMinutesBefore how long before the sale opens people may join the queue
     * @param tokenTtlSeconds how long an admission token lasts once it is handed out
     */
    public record WaitingRoom(boolean enabled, int admitPerSecond, int opensMinutesBefore, int tokenTtlSeconds) {

        public static final WaitingRoom DEFAULTS = new WaitingRoom(false, 100, 30, 300);
    }
}
