package org.boxoffice.admission;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the waiting rooms run; each event's own rules (rate, opening, token lifetime) are in its
 * {@code rules.waitingRoom}.
 *
 * @param tokenSecret the HMAC key that signs admission tokens (at least 32 characters); when
 *     unset, one is generated once and kept in the data directory. Instances that take each
 *     other's tokens must share it (or the data directory)
 * @param longestPoll the longest {@code pollAfterSeconds} handed to someone far back in a line
 *     of up to {@code longestPoll × pollBudget} people; a longer line's back waits longer (see
 *     {@code pollBudget})
 * @param pollShare the share of someone's expected wait they are asked to wait before asking
 *     again (give or take a tenth): with 1, a buyer 100 s from the front asks again in 90-110 s,
 *     about when their turn comes, so each buyer asks about three times on the way to the front
 * @param pollBudget how many polls a second the back of one line may send in all, across the
 *     instances: the longest {@code pollAfterSeconds} grows with the line to keep to it (100,000
 *     waiting at 250: 400 s, at most 15 minutes). The whole line polls at about twice its
 *     admission rate plus this (see {@code Pacing})
 * @param keptAfterSale how long a queue stays in Redis after its event's sale ends
 * @param unavailableRetryAfter the {@code Retry-After} when Redis cannot be reached
 * @param brakeFor how long a line admits nobody when the event's holds fall behind (see {@code
 *     boxoffice.holds.brake-admissions-after}); renewed while they stay behind
 */
@ConfigurationProperties("boxoffice.admission")
record WaitingRoomSettings(
        @Nullable String tokenSecret,
        @DefaultValue("120s") Duration longestPoll,
        @DefaultValue("1.0") double pollShare,
        @DefaultValue("250") int pollBudget,
        @DefaultValue("1h") Duration keptAfterSale,
        @DefaultValue("5s") Duration unavailableRetryAfter,
        @DefaultValue("1s") Duration brakeFor) {}
