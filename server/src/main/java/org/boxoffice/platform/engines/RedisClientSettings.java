package org.boxoffice.platform.engines;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the Redis client behaves when Redis is away. Command and connect timeouts are Spring's own
 * {@code spring.data.redis.timeout} and {@code spring.data.redis.connect-timeout} (set short in
 * {@code application.yml}).
 *
 * @param reconnectDelayMax the longest wait between two reconnection attempts of a dropped
 *     connection (they start at a few milliseconds and double up to this), so that a Redis that
 *     returns is used again within about this long
 */
@ConfigurationProperties("boxoffice.redis")
record RedisClientSettings(@DefaultValue("1s") Duration reconnectDelayMax) {}
