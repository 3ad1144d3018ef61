package org.boxoffice.live;

import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Subscribes this instance to the announced changes without making Redis a condition of the
 * start: the first subscription is tried in the background, again every {@link
 * LiveSettings#redisRetry()} until Redis answers, and the server starts and sells meanwhile
 * (streams refresh on their own). Once subscribed, a dropped connection is renewed by the client
 * (which subscribes again on reconnect) and by the container's own recovery.
 */
@Component
class LiveChangeSubscription implements SmartLifecycle {

    private final RedisMessageListenerContainer container;
    private final RedisOutage outage;
    private final LiveSettings settings;
    private volatile boolean running;
    private @Nullable Thread subscriber;

    LiveChangeSubscription(RedisMessageListenerContainer liveChangeListener, LiveSettings settings) {
        this.container = liveChangeListener;
        this.settings = settings;
        this.outage = new RedisOutage("live change subscription", settings.redisRetry());
    }

    @Override
    public synchronized void start() {
        running = true;
        subscriber = Thread.ofVirtual().name("live-subscription").start(this::subscribeUntilListening);
    }

    private void subscribeUntilListening() {
        while (running && !container.isListening()) {
            try {
                container.start();
                outage.succeeded();
                return;
            } catch (RuntimeException e) {
                container.stop();
                outage.failed(e);
            }
            try {
                Thread.sleep(settings.redisRetry());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** True once this instance receives announcements (tests). */
    boolean isListening() {
        return container.isListening();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (subscriber != null) {
            subscriber.interrupt();
        }
        container.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
