package org.boxoffice.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param tick how often dirty events are read again and their changes sent: at most one
 *     message per event per tick
 * @param refreshEvery how old a subscribed event's counts may get before they are read again
 *     with no change announced (a lost announcement, or a hold lapsing by time alone)
 * @param keepAlive how often a silent stream gets a comment line, so that proxies keep it open
 *     and a vanished client is noticed
 * @param streamTimeout how long one stream stays open; a browser's EventSource reconnects by
 *     itself
 * @param relayInterval how often the relaying instance reads new outbox rows
 * @param leaderRetry how often an instance that does not relay checks whether the relay is
 *     free to take
 * @param gapPatience how long an id missing below the outbox cursor is looked for again: a
 *     transaction that took it may commit after later ids did
 * @param redisRetry how long an instance that found Redis unreachable waits before it tries
 *     again, to announce a change or to subscribe: meanwhile announcements are dropped (the
 *     streams' slow refresh covers them) and nothing waits for Redis
 */
@ConfigurationProperties("boxoffice.live")
record LiveSettings(
        @DefaultValue("250ms") Duration tick,
        @DefaultValue("5s") Duration refreshEvery,
        @DefaultValue("30s") Duration keepAlive,
        @DefaultValue("30m") Duration streamTimeout,
        @DefaultValue("100ms") Duration relayInterval,
        @DefaultValue("2s") Duration leaderRetry,
        @DefaultValue("10s") Duration gapPatience,
        @DefaultValue("1s") Duration redisRetry) {}
