package org.boxoffice.platform.engines;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Redis is an accelerator: nothing sold depends on it. So a command never waits for a Redis that
 * is away. While the connection is down, commands fail at once instead of queueing until the
 * command timeout; the client reconnects by itself in the background, at most {@link
 * RedisClientSettings#reconnectDelayMax()} apart, and subscriptions are renewed when it does.
 */
@Configuration(proxyBeanMethods = false)
class RedisClientConfiguration {

    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileRedisIsAway() {
        return options ->
                options.autoReconnect(true).disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    @Bean
    ClientResourcesBuilderCustomizer reconnectSoonAfterRedisReturns(RedisClientSettings settings) {
        return resources -> resources.reconnectDelay(Delay.exponential(
                Duration.ofMillis(10), settings.reconnectDelayMax(), 2, java.util.concurrent.TimeUnit.MILLISECONDS));
    }
}
