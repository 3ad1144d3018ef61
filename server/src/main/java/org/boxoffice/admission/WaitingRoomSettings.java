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
 * @param longestPoll the longest {@code pollAfterSeconds} handed to someone far back: it sets how
 *     often the back of a long line asks, so 100,000 people at 2 minutes are about 800 polls a
 *     second (measured: 1,100-1,400 with those nearer the front; on 2 cores shared with the load
 *     generator that alone fills the machine, see docs/benchmarks.md)
 * @param pollShare the share of someone's expected wait they are asked to wait before asking
 *     again: with 0.2, a buyer 100 s from the front asks again in 20 s
 * @param keptAfterSale how long a queue stays in Redis after its event's sale ends
 * @param unavailableRetryAfter the {@code Retry-After} when Redis cannot be reached
 * @param brakeFor how long a line admits nobody when the event's holds fall behind (see {@code
 *     boxoffice.holds.brake-admissions-after}); renewed while they stay behind
 */
@ConfigurationProperties("boxoffice.admission")
record WaitingRoomSettings(
        @Nullable String tokenSecret,
        @DefaultValue("120s") Duration longestPoll,
        @DefaultValue("0.2") double pollShare,
        @DefaultValue("1h") Duration keptAfterSale,
        @DefaultValue("5s") Duration unavailableRetryAfter,
        @DefaultValue("1s") Duration brakeFor) {}
