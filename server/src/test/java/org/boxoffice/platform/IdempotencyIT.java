package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.boxoffice.testing.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@BoxofficeIT
class IdempotencyIT {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    @Test
    void parallelDuplicatesRunOnceAndAllGetTheSameAnswer() throws Exception {
        var api = user().header("Idempotency-Key", UUID.randomUUID().toString());
        int before = IdempotencyProbe.executions.get();
        var duplicates = new ArrayList<Callable<Api.Reply>>();
        for (int i = 0; i < 20; i++) {
            duplicates.add(() -> api.post("/test/idempotency-probe", Map.of("seat", "GOLD-1-1")));
        }

        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var replies =
                    pool.invokeAll(duplicates).stream().map(IdempotencyIT::get).toList();

            assertThat(IdempotencyProbe.executions.get() - before).isEqualTo(1);
            assertThat(replies).allSatisfy(reply -> {
                assertThat(reply.status()).isEqualTo(201);
                assertThat(reply.body()).isEqualTo(replies.getFirst().body());
            });
        }
    }

    @Test
    void replayAfterCompletionReturnsTheStoredAnswer() {
        var api = user().header("Idempotency-Key", "key-" + UUID.randomUUID());
        var first = api.post("/test/idempotency-probe", Map.of("n", 1));
        int executions = IdempotencyProbe.executions.get();

        var replay = api.post("/test/idempotency-probe", Map.of("n", 1));

        assertThat(IdempotencyProbe.executions.get()).isEqualTo(executions);
        assertThat(replay.status()).isEqualTo(first.status());
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void refusalsAreReplayedToo() {
        var api = user().header("Idempotency-Key", "refusal-" + UUID.randomUUID());
        var first = api.post("/test/idempotency-probe", Map.of("refuse", true));
        var replay = api.post("/test/idempotency-probe", Map.of("refuse", true));
        assertThat(first.status()).isEqualTo(404);
        assertThat(replay.status()).isEqualTo(404);
        assertThat(replay.code()).isEqualTo("PROBE_REFUSED");
    }

    @Test
    void sameKeyWithAnotherBodyIsRefused() {
        var api = user().header("Idempotency-Key", "reuse-" + UUID.randomUUID());
        api.post("/test/idempotency-probe", Map.of("n", 1));
        var reused = api.post("/test/idempotency-probe", Map.of("n", 2));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void keysBelongToTheirUser() {
        var key = "shared-" + UUID.randomUUID();
        var first = user().header("Idempotency-Key", key).post("/test/idempotency-probe", Map.of("n", 1));
        var other = user().header("Idempotency-Key", key).post("/test/idempotency-probe", Map.of("n", 1));
        assertThat(other.json().get("execution").asInt())
                .isNotEqualTo(first.json().get("execution").asInt());
    }

    @Test
    void aKeyLeftRunningByACrashedInstanceIsTakenOverAfterAMinuteAndRunsOnce() throws Exception {
        var key = "crashed-" + UUID.randomUUID();
        var api = user().header("Idempotency-Key", key);
        api.post("/test/idempotency-probe", Map.of("n", 1));
        // As the instance that ran it would have left it, had it died before the answer.
        jdbc.sql("""
                        UPDATE idempotency_key
                        SET state = 'RUNNING', status = NULL, content_type = NULL, body = NULL, completed_at = NULL
                        WHERE key = :key
                        """).param("key", key).update();
        int before = IdempotencyProbe.executions.get();
        var duplicates = new ArrayList<Callable<Api.Reply>>();
        for (int i = 0; i < 5; i++) {
            duplicates.add(() -> api.post("/test/idempotency-probe", Map.of("n", 1)));
        }

        clock.advance(Duration.ofSeconds(61));
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var replies =
                    pool.invokeAll(duplicates).stream().map(IdempotencyIT::get).toList();

            assertThat(IdempotencyProbe.executions.get() - before).isEqualTo(1);
            assertThat(replies).allSatisfy(reply -> {
                assertThat(reply.status()).as(reply.body()).isEqualTo(201);
                assertThat(reply.body()).isEqualTo(replies.getFirst().body());
            });
        } finally {
            clock.reset();
        }
    }

    @Test
    void malformedKeyIsRefused() {
        var tooLong = user().header("Idempotency-Key", "k".repeat(65)).post("/test/idempotency-probe", Map.of());
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.code()).isEqualTo("VALIDATION");
    }

    @Test
    void requiredKeyIsAskedFor() {
        var missing = user().post("/api/v1/orders", Map.of("eventId", UUID.randomUUID(), "zone", "A", "quantity", 1));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
        for (var path : List.of("/api/v1/orders/" + UUID.randomUUID() + "/payments", "/api/v1/orders/x/cancel")) {
            var without = user().post(path, Map.of());
            assertThat(without.code()).as(path).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
        }
        var withKey = user().header("Idempotency-Key", "k-" + UUID.randomUUID())
                .post("/api/v1/orders/" + UUID.randomUUID() + "/payments", Map.of());
        assertThat(withKey.code()).isNotEqualTo("IDEMPOTENCY_KEY_REQUIRED");
    }

    private Api user() {
        var email = "idem-" + UUID.randomUUID() + "@example.org";
        accounts.addTravelers(java.util.List.of(email), java.util.List.of("Idem"));
        return Api.at(port).as(accounts.tokenFor(email));
    }

    private static Api.Reply get(java.util.concurrent.Future<Api.Reply> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
