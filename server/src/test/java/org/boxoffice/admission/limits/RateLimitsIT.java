package org.boxoffice.admission.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.boxoffice.platform.RateLimited;
import org.boxoffice.testing.BoxofficeIT;
import org.boxoffice.testing.ControlledRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The limits with their real defaults against real Redis: the shared context's embedded one, or
 * one the test starts and stops. Built directly (not through the shared context, whose limits are
 * raised for the other tests), on a clock that moves only when the test moves it.
 */
@BoxofficeIT
class RateLimitsIT {

    private static final RateLimitSettings DEFAULTS =
            new Binder(List.of()).bindOrCreate("boxoffice.rate-limit", RateLimitSettings.class);

    @Autowired
    LettuceConnectionFactory sharedRedis;

    final StoppedClock clock = new StoppedClock();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final List<AutoCloseable> opened = new ArrayList<>();
    final String subject = UUID.randomUUID().toString();

    @AfterEach
    void closeWhatTheTestOpened() throws Exception {
        for (var each : opened.reversed()) {
            each.close();
        }
    }

    @Test
    void theDefaultsAreThoseOfTheApi() {
        assertThat(DEFAULTS.enabled()).isTrue();
        assertThat(DEFAULTS.userLimit()).isEqualTo(new Limit("user", 20, 10, Duration.ofSeconds(1)));
        assertThat(DEFAULTS.addressLimit()).isEqualTo(new Limit("address", 400, 200, Duration.ofSeconds(1)));
        assertThat(DEFAULTS.failedLoginsPerEmail()).isEqualTo(Limit.quota("login-email", 5, Duration.ofMinutes(15)));
        assertThat(DEFAULTS.loginLimit()).isEqualTo(Limit.quota("login-address", 30, Duration.ofMinutes(1)));
        assertThat(DEFAULTS.registrationLimit()).isEqualTo(Limit.quota("register-address", 10, Duration.ofHours(1)));
    }

    @Test
    void aUserMaySendTwentyAtOnceThenTenASecond() {
        var limits = limitsOn(sharedRedis);
        var user = DEFAULTS.userLimit();

        takeAll(limits, user, 20);

        assertRefused(limits, user, Duration.ofMillis(100));
        clock.advance(Duration.ofMillis(100));
        limits.take(user, subject);
        assertRefused(limits, user, Duration.ofMillis(100));
        clock.advance(Duration.ofSeconds(1));
        takeAll(limits, user, 10);
        assertRefused(limits, user, Duration.ofMillis(100));
        assertThat(meters.counter("boxoffice.rate-limit.refused", "limit", "user")
                        .count())
                .isEqualTo(3);
    }

    @Test
    void anAddressMaySendFourHundredAtOnceThenTwoHundredASecond() {
        var limits = limitsOn(sharedRedis);
        var address = DEFAULTS.addressLimit();

        takeAll(limits, address, 400);

        assertRefused(limits, address, Duration.ofMillis(5));
        clock.advance(Duration.ofMillis(500));
        takeAll(limits, address, 100);
        assertRefused(limits, address, Duration.ofMillis(5));
    }

    @Test
    void twoInstancesCountAgainstTheSameBuckets() {
        var instanceA = limitsOn(sharedRedis);
        var instanceB = limitsOn(sharedRedis);
        var user = DEFAULTS.userLimit();

        takeAll(instanceA, user, 10);
        takeAll(instanceB, user, 10);

        assertRefused(instanceA, user, Duration.ofMillis(100));
        assertRefused(instanceB, user, Duration.ofMillis(100));
    }

    @Test
    void anEmailHasFiveFailedLoginsInFifteenMinutesAndRightOnesDoNotCount() {
        var limits = limitsOn(sharedRedis);
        var throttle = new EmailLoginThrottle(limits, DEFAULTS.failedLoginsPerEmail());
        var email = subject + "@example.org";

        for (int i = 0; i < 10; i++) {
            throttle.attempting(email);
            throttle.withdraw(email);
        }
        for (int i = 0; i < 5; i++) {
            throttle.attempting(email);
        }

        assertThatThrownBy(() -> throttle.attempting(email))
                .isInstanceOfSatisfying(
                        RateLimited.class,
                        refusal -> assertThat(refusal.retryAfter()).contains(Duration.ofMinutes(3)));
        clock.advance(Duration.ofMinutes(15));
        for (int i = 0; i < 5; i++) {
            throttle.attempting(email);
        }
        assertThatThrownBy(() -> throttle.attempting(email)).isInstanceOf(RateLimited.class);
    }

    @Test
    void anAddressHasThirtyLoginsAMinuteAndTenRegistrationsAnHour() {
        var limits = limitsOn(sharedRedis);

        takeAll(limits, DEFAULTS.loginLimit(), 30);
        takeAll(limits, DEFAULTS.registrationLimit(), 10);

        assertRefused(limits, DEFAULTS.loginLimit(), Duration.ofSeconds(2));
        assertRefused(limits, DEFAULTS.registrationLimit(), Duration.ofMinutes(6));
        clock.advance(Duration.ofMinutes(1));
        takeAll(limits, DEFAULTS.loginLimit(), 30);
        assertRefused(limits, DEFAULTS.registrationLimit(), Duration.ofMinutes(5));
    }

    @Test
    void aRequestRefusedByOneOfItsLimitsCountsAgainstNoneAndNamesTheLongestWait() {
        var limits = limitsOn(sharedRedis);
        assertARefusalByOneLimitLeavesTheOtherUntouched(limits);
    }

    @Test
    void whileRedisIsUnreachableARequestRefusedByOneOfItsLimitsCountsAgainstNoneToo() throws IOException {
        var limits = new RateLimits(bucketsOn(redisAt(freePort())), meters);
        assertARefusalByOneLimitLeavesTheOtherUntouched(limits);
    }

    private void assertARefusalByOneLimitLeavesTheOtherUntouched(RateLimits limits) {
        var user = DEFAULTS.userLimit();
        var registrations = DEFAULTS.registrationLimit();
        var both = List.of(new Buckets.Take(user, subject), new Buckets.Take(registrations, subject));
        for (int i = 0; i < 10; i++) {
            limits.takeEach(both);
        }

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> limits.takeEach(both))
                    .isInstanceOfSatisfying(
                            RateLimited.class,
                            refusal -> assertThat(refusal.getMessage()).contains("register-address limit"));
        }

        takeAll(limits, user, 10);
        assertRefused(limits, user, Duration.ofMillis(100));
        assertThat(meters.counter("boxoffice.rate-limit.refused", "limit", "register-address")
                        .count())
                .isEqualTo(5);
    }

    @Test
    void whileRedisIsUnreachableEachInstanceLimitsOnItsOwnWithoutWaiting() throws IOException {
        var buckets = bucketsOn(redisAt(freePort()));
        var limits = new RateLimits(buckets, meters);
        var user = DEFAULTS.userLimit();

        long started = System.nanoTime();
        takeAll(limits, user, 20);
        assertRefused(limits, user, Duration.ofMillis(100));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(buckets.shared()).isFalse();
    }

    @Test
    void aRedisThatStopsMidRunIsReplacedByLocalLimitsAndSharedAgainWhenItReturns() throws IOException {
        int port = freePort();
        var redis = new ControlledRedis(port);
        opened.add(redis);
        redis.start();
        var buckets = bucketsOn(redisAt(port));
        var limits = new RateLimits(buckets, meters);
        var user = DEFAULTS.userLimit();
        takeAll(limits, user, 5);
        assertThat(buckets.shared()).isTrue();

        redis.stop();
        long stopped = System.nanoTime();
        // The local buckets counted the 5 shared ones too: the switch is no fresh burst of 20.
        takeAll(limits, user, 15);
        assertRefused(limits, user, Duration.ofMillis(100));
        assertThat(Duration.ofNanos(System.nanoTime() - stopped))
                .as("no request waits for the Redis that is away")
                .isLessThan(Duration.ofSeconds(1));
        assertThat(buckets.shared()).isFalse();

        redis.start();
        var probe = DEFAULTS.addressLimit();
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    limits.take(probe, subject);
                    return buckets.shared();
                });
        // A fresh Redis (this one keeps nothing on disk) holds a fresh bucket: 20 again, shared.
        takeAll(limits, user, 20);
        assertRefused(limits, user, Duration.ofMillis(100));
    }

    @Test
    void aRefusalWhileRedisAnswersCountsAgainstNoneOfTheLocalBucketsEither() throws IOException {
        int port = freePort();
        var redis = new ControlledRedis(port);
        opened.add(redis);
        redis.start();
        var limits = new RateLimits(bucketsOn(redisAt(port)), meters);
        var user = DEFAULTS.userLimit();
        var both = List.of(new Buckets.Take(user, subject), new Buckets.Take(DEFAULTS.registrationLimit(), subject));
        for (int i = 0; i < 10; i++) {
            limits.takeEach(both);
        }
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> limits.takeEach(both)).isInstanceOf(RateLimited.class);
        }

        redis.stop();
        takeAll(limits, user, 10);
        assertRefused(limits, user, Duration.ofMillis(100));
    }

    private RateLimits limitsOn(LettuceConnectionFactory redis) {
        return new RateLimits(bucketsOn(redis), meters);
    }

    private Buckets bucketsOn(LettuceConnectionFactory redis) {
        var configuration = new RateLimitConfiguration();
        var remote = configuration.redisBuckets(redis, DEFAULTS, clock);
        opened.add(remote);
        var local = new LocalBuckets(RateLimitConfiguration.timeOf(clock), Duration.ofHours(1));
        return new Buckets(remote, local, new RedisOutage(DEFAULTS.redisRetryAfter()));
    }

    private void takeAll(RateLimits limits, Limit limit, int count) {
        for (int i = 0; i < count; i++) {
            limits.take(limit, subject);
        }
    }

    private void assertRefused(RateLimits limits, Limit limit, Duration retryAfter) {
        assertThatThrownBy(() -> limits.take(limit, subject)).isInstanceOfSatisfying(RateLimited.class, refusal -> {
            assertThat(refusal.status()).isEqualTo(429);
            assertThat(refusal.code()).isEqualTo("RATE_LIMITED");
            assertThat(refusal.retryAfter()).contains(retryAfter);
        });
    }

    /** A client set up as the server's (RedisClientConfiguration): fail fast while away, reconnect soon. */
    private LettuceConnectionFactory redisAt(int port) {
        var resources = ClientResources.builder()
                .reconnectDelay(
                        Delay.exponential(Duration.ofMillis(10), Duration.ofMillis(500), 2, TimeUnit.MILLISECONDS))
                .build();
        var client = LettuceClientConfiguration.builder()
                .clientResources(resources)
                .commandTimeout(Duration.ofMillis(500))
                .clientOptions(ClientOptions.builder()
                        .autoReconnect(true)
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .build())
                .build();
        var factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port), client);
        factory.afterPropertiesSet();
        factory.start();
        opened.add(() -> {
            factory.destroy();
            resources.shutdown();
        });
        return factory;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
