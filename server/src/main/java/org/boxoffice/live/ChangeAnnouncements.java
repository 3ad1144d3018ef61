package org.boxoffice.live;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * "These events changed", on a Redis channel every instance listens to (the relay's own
 * instance too: one path for all). A message is the comma-separated event ids of one relay
 * read. Pub/sub keeps nothing: a message missed while an instance reconnects is healed by the
 * streams' slow refresh. While Redis is unreachable, announcements are dropped at once (see
 * {@link RedisOutage}): the relay never waits for Redis.
 */
@Component
class ChangeAnnouncements {

    static final String CHANNEL = "boxoffice:live:events-changed";
    private static final Logger log = LoggerFactory.getLogger(ChangeAnnouncements.class);

    private final StringRedisTemplate redis;
    private final RedisOutage outage;

    ChangeAnnouncements(StringRedisTemplate redis, LiveSettings settings) {
        this.redis = redis;
        this.outage = new RedisOutage("announcing live changes", settings.redisRetry());
    }

    /** True when the announcement reached Redis; false when it was dropped because Redis is away. */
    boolean announce(Collection<UUID> eventIds) {
        if (!outage.mayTry()) {
            return false;
        }
        try {
            redis.convertAndSend(CHANNEL, eventIds.stream().map(UUID::toString).collect(Collectors.joining(",")));
            outage.succeeded();
            return true;
        } catch (DataAccessException e) {
            outage.failed(e);
            return false;
        }
    }

    static Collection<UUID> eventIds(String message) {
        try {
            return Arrays.stream(message.split(",")).map(UUID::fromString).toList();
        } catch (IllegalArgumentException e) {
            log.warn("Ignored a malformed announcement on {}: {}", CHANNEL, message);
            return List.of();
        }
    }
}
