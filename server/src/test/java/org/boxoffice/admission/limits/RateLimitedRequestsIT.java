package org.boxoffice.admission.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.boxoffice.BoxofficeApplication;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.AllAtOnce;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The limits over HTTP, as API.md states them, on two instances (B and C, besides the shared
 * context's A whose limits are raised for the other tests) that share A's PostgreSQL and Redis.
 * Both trust 127.0.0.1 as a proxy, so each test picks its client address with {@code
 * X-Forwarded-For}; C allows an address only 3 requests at once and 1 a second, so that its
 * address limit is met within a few requests.
 */
@BoxofficeIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitedRequestsIT {

    private static final Map<String, String> API_DEFAULTS = Map.of(
            "boxoffice.rate-limit.per-user-rate", "10",
            "boxoffice.rate-limit.per-user-burst", "20",
            "boxoffice.rate-limit.per-address-rate", "200",
            "boxoffice.rate-limit.per-address-burst", "400",
            "boxoffice.rate-limit.login-failures-per-email", "5",
            "boxoffice.rate-limit.login-attempts-per-address", "30",
            "boxoffice.rate-limit.registrations-per-address", "10",
            "boxoffice.rate-limit.trusted-proxies", "127.0.0.1");

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcConnectionDetails database;

    @Autowired
    DataRedisConnectionDetails redis;

    ConfigurableApplicationContext instanceB;
    ConfigurableApplicationContext instanceC;
    int portB;
    int portC;

    @BeforeAll
    void startTwoInstancesWithTheApisLimits() {
        instanceB = start(Map.of());
        instanceC = start(Map.of(
                "boxoffice.rate-limit.per-address-rate", "1",
                "boxoffice.rate-limit.per-address-burst", "3"));
        portB = port(instanceB);
        portC = port(instanceC);
    }

    @AfterAll
    void stopThem() {
        for (var instance : new ConfigurableApplicationContext[] {instanceB, instanceC}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    @Test
    void aUserPastTheLimitOnEitherInstanceIsRefusedWithRetryAfterAndNothingOfTheRequestIsStored() {
        var email = "limited-" + UUID.randomUUID() + "@example.org";
        accounts.addTravelers(List.of(email), List.of("Limited"));
        var token = accounts.tokenFor(email);
        var keys = new ArrayList<String>();
        var requests = new ArrayList<Callable<Api.Reply>>();
        for (int i = 0; i < 40; i++) {
            var key = "limited-" + i + "-" + UUID.randomUUID();
            keys.add(key);
            var client = Api.at(i % 2 == 0 ? portB : portC)
                    .as(token)
                    .header("X-Forwarded-For", "192.0.2." + (i + 1))
                    .header("Idempotency-Key", key);
            // Cancelling an order that does not exist: a 404 whose key is stored (a hold's refusal
            // would store nothing, and so prove nothing here).
            requests.add(() -> client.post("/api/v1/orders/" + UUID.randomUUID() + "/cancel", "{}"));
        }

        // All at once: one after the other, a busy machine may send fewer than 10 a second.
        long started = System.nanoTime();
        var replies = AllAtOnce.run(requests);
        double seconds = (System.nanoTime() - started) / 1e9;

        var accepted = new ArrayList<String>();
        var refused = new ArrayList<String>();
        for (int i = 0; i < replies.size(); i++) {
            var reply = replies.get(i);
            if (reply.status() == 429) {
                assertThat(reply.code()).isEqualTo("RATE_LIMITED");
                assertThat(reply.header("Retry-After")).isEqualTo("1");
                refused.add(keys.get(i));
            } else {
                assertThat(reply.status()).as(reply.body()).isLessThan(500);
                accepted.add(keys.get(i));
            }
        }
        assertThat(refused).isNotEmpty();
        assertThat(accepted.size())
                .as("20 at once and 10 a second for both instances together, in %.2f s", seconds)
                .isLessThanOrEqualTo(20 + (int) Math.ceil(seconds * 10));
        var stored = jdbc.sql("SELECT key FROM idempotency_key WHERE principal = ?")
                .param(userIdOf(token))
                .query(String.class)
                .list();
        assertThat(stored).containsExactlyInAnyOrderElementsOf(accepted);
    }

    @Test
    void anAddressPastItsLimitIsRefusedButTheSignedWebhookAndReadsAreNot() {
        var limited = Api.at(portC).header("X-Forwarded-For", "198.51.100.30");
        int answered = 0;
        long started = System.nanoTime();
        var refused = limited.post("/api/v1/no-such-thing", "{}");
        while (refused.status() != 429 && answered < 20) {
            answered++;
            refused = limited.post("/api/v1/no-such-thing", "{}");
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(answered)
                .as("3 at once and 1 a second, in %.2f s", seconds)
                .isBetween(3, 3 + (int) Math.ceil(seconds));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("RATE_LIMITED");
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(limited.post("/api/v1/payments/webhook", "{}").status()).isNotEqualTo(429);
        assertThat(limited.get("/api/v1/events").status()).isEqualTo(200);
        assertThat(Api.at(portC)
                        .header("X-Forwarded-For", "198.51.100.31")
                        .post("/api/v1/no-such-thing", "{}")
                        .status())
                .as("another client behind the same proxy has a limit of its own")
                .isNotEqualTo(429);
        assertThat(instanceC
                        .getBean(MeterRegistry.class)
                        .counter("boxoffice.rate-limit.refused", "limit", "address")
                        .count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void anAddressHasThirtyLoginsAMinute() {
        var address = Api.at(portB).header("X-Forwarded-For", "198.51.100.40");
        int answered = 0;
        int refused = 0;

        long started = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            var reply = address.post("/api/v1/auth/login", login("nobody-" + UUID.randomUUID() + "@example.org"));
            if (reply.status() == 429) {
                assertThat(reply.code()).isEqualTo("RATE_LIMITED");
                refused++;
            } else {
                assertThat(reply.status()).isEqualTo(401);
                answered++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(refused).isPositive();
        assertThat(answered)
                .as("30 a minute, in %.2f s", seconds)
                .isLessThanOrEqualTo(30 + (int) Math.ceil(seconds / 2));
        assertThat(Api.at(portB)
                        .header("X-Forwarded-For", "198.51.100.41")
                        .post("/api/v1/auth/login", login("nobody@example.org"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void fiveFailedLoginsBlockTheEmailOnEveryInstanceBeforeItsPasswordIsHashed() {
        var email = "guessed-" + UUID.randomUUID() + "@example.org";
        accounts.register(email, "the right password", "Guessed");
        var onB = Api.at(portB).header("X-Forwarded-For", "198.51.100.50");
        for (int i = 0; i < 5; i++) {
            var wrong = onB.post("/api/v1/auth/login", Map.of("email", email, "password", "wrong password " + i));
            assertThat(wrong.status()).isEqualTo(401);
        }
        var hashes = instanceB.getBean(MeterRegistry.class).counter("boxoffice.identity.password-hashes");
        double hashedBefore = hashes.count();

        var blocked = onB.post("/api/v1/auth/login", Map.of("email", email, "password", "the right password"));

        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.code()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 180L);
        assertThat(hashes.count()).as("no password hashed for a blocked email").isEqualTo(hashedBefore);
        var onC = Api.at(portC).header("X-Forwarded-For", "198.51.100.51");
        assertThat(onC.post("/api/v1/auth/login", Map.of("email", email, "password", "the right password"))
                        .status())
                .isEqualTo(429);
    }

    @Test
    void anAddressMayRegisterTenTimesAnHour() {
        var address = Api.at(portB).header("X-Forwarded-For", "198.51.100.60");
        for (int i = 0; i < 10; i++) {
            assertThat(address.post("/api/v1/auth/register", registration()).status())
                    .isEqualTo(201);
        }

        var refused = address.post("/api/v1/auth/register", registration());

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(300L, 360L);
        assertThat(Api.at(portB)
                        .header("X-Forwarded-For", "198.51.100.61")
                        .post("/api/v1/auth/register", registration())
                        .status())
                .isEqualTo(201);
    }

    private static Map<String, String> login(String email) {
        return Map.of("email", email, "password", "some password");
    }

    private static Map<String, String> registration() {
        return Map.of(
                "email", "registered-" + UUID.randomUUID() + "@example.org",
                "password", "a fine password",
                "name", "Registered");
    }

    private static String userIdOf(String token) {
        var payload = token.split("\\.")[1];
        return Api.json(new String(java.util.Base64.getUrlDecoder().decode(payload)))
                .get("sub")
                .asString();
    }

    private ConfigurableApplicationContext start(Map<String, String> more) {
        var standalone = redis.getStandalone();
        var properties = new ArrayList<>(List.of(
                "server.port=0",
                "spring.datasource.url=" + database.getJdbcUrl(),
                "spring.datasource.username=" + database.getUsername(),
                "spring.datasource.password=" + database.getPassword(),
                "spring.data.redis.url=redis://" + standalone.getHost() + ":" + standalone.getPort(),
                "boxoffice.demo.enabled=false"));
        var settings = new java.util.TreeMap<>(API_DEFAULTS);
        settings.putAll(more);
        settings.forEach((key, value) -> properties.add(key + "=" + value));
        // As command-line arguments: they win over the test's application.properties, whose
        // limits are raised for the shared context.
        return new SpringApplicationBuilder(BoxofficeApplication.class)
                .run(properties.stream().map(property -> "--" + property).toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
    }
}
