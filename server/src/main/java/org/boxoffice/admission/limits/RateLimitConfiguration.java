package org.boxoffice.admission.limits;

import io.github.bucket4j.TimeMeter;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.boxoffice.identity.LoginThrottle;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The limits' buckets live in the Redis that Spring Boot connects to, through the Lettuce client
 * it built (same address, timeouts, and fail-fast while disconnected), on a connection of their
 * own (Bucket4j speaks bytes, Spring's template strings).
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    private static final RedisCodec<String, byte[]> KEYS_AS_TEXT =
            RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    @Bean
    RedisBuckets redisBuckets(LettuceConnectionFactory redis, RateLimitSettings settings, Clock clock) {
        return new RedisBuckets(connector(redis), timeOf(clock), commandTimeout(redis), settings.redisRetryAfter());
    }

    @Bean
    ApplicationRunner connectRateLimitsToRedis(RedisBuckets redisBuckets, RateLimitSettings settings) {
        return arguments -> {
            if (settings.enabled()) {
                redisBuckets.connectInTheBackground();
            }
        };
    }

    @Bean
    RateLimits rateLimits(RedisBuckets redisBuckets, RateLimitSettings settings, Clock clock, MeterRegistry meters) {
        var time = timeOf(clock);
        var local = new LocalBuckets(time, settings.registrationsWindow().plus(settings.loginFailuresWindow()));
        return new RateLimits(new Buckets(redisBuckets, local, new RedisOutage(settings.redisRetryAfter())), meters);
    }

    @Bean
    LoginThrottle loginThrottle(RateLimits limits, RateLimitSettings settings) {
        return settings.enabled()
                ? new EmailLoginThrottle(limits, settings.failedLoginsPerEmail())
                : LoginThrottle.NONE;
    }

    static Supplier<StatefulRedisConnection<String, byte[]>> connector(LettuceConnectionFactory redis) {
        return () -> {
            if (redis.getRequiredNativeClient() instanceof RedisClient client) {
                return client.connect(KEYS_AS_TEXT);
            }
            throw new IllegalStateException("Rate limits need a standalone or sentinel Redis, not a cluster");
        };
    }

    private static Duration commandTimeout(LettuceConnectionFactory redis) {
        return redis.getClientConfiguration().getCommandTimeout();
    }

    /** The application's clock, so that tests move the windows as they move everything else. */
    static TimeMeter timeOf(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
