package org.boxoffice.live;

import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.util.backoff.FixedBackOff;

@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    /**
     * Listens for announced changes. Marking an event changed only sets a flag, so messages are
     * handled on the Redis client's own thread. The container is not started with the context:
     * {@link LiveChangeSubscription} starts it, and keeps trying while Redis is unreachable.
     */
    @Bean
    RedisMessageListenerContainer liveChangeListener(
            RedisConnectionFactory redis, LiveAvailability live, LiveSettings settings) {
        var container = new RedisMessageListenerContainer();
        container.setConnectionFactory(redis);
        container.setTaskExecutor(new SyncTaskExecutor());
        container.setAutoStartup(false);
        container.setRecoveryBackoff(
                new FixedBackOff(settings.redisRetry().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS));
        container.addMessageListener(
                (message, pattern) -> ChangeAnnouncements.eventIds(
                                new String(message.getBody(), StandardCharsets.UTF_8))
                        .forEach(live::markChanged),
                ChannelTopic.of(ChangeAnnouncements.CHANNEL));
        return container;
    }
}
