package org.boxoffice.live;

import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    /**
     * Listens for announced changes. Marking an event changed only sets a flag, so messages are
     * handled on the Redis client's own thread.
     */
    @Bean
    RedisMessageListenerContainer liveChangeListener(RedisConnectionFactory redis, LiveAvailability live) {
        var container = new RedisMessageListenerContainer();
        container.setConnectionFactory(redis);
        container.setTaskExecutor(new SyncTaskExecutor());
        container.addMessageListener(
                (message, pattern) -> ChangeAnnouncements.eventIds(
                                new String(message.getBody(), StandardCharsets.UTF_8))
                        .forEach(live::markChanged),
                ChannelTopic.of(ChangeAnnouncements.CHANNEL));
        return container;
    }
}
