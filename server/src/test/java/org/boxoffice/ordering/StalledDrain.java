package org.boxoffice.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.Buyers;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Holds of an event stuck in the database: some buyers' advisory locks are held by a connection of
 * the test's own, and each buyer's hold is sent once the one before waits for its lock. On the
 * grouped path two are enough to stall both drainers of the event (each takes a drainer of its
 * own), and the holds that come after them wait for a drainer; on the single path each stalls
 * its own request. Closing lets them go. The server needs lock and answer timeouts longer than
 * the stall.
 */
final class StalledDrain implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Connection connection;
    private final JdbcClient jdbc;
    private final List<CompletableFuture<Api.Reply>> sent = new ArrayList<>();

    /** Both drainers of the event stalled, by two buyers' holds. */
    StalledDrain(UUID event, DataSource dataSource, JdbcClient jdbc, Buyers buyers, ExecutorService background)
            throws SQLException {
        this(event, 2, dataSource, jdbc, buyers, background);
    }

    StalledDrain(
            UUID event, int holds, DataSource dataSource, JdbcClient jdbc, Buyers buyers, ExecutorService background)
            throws SQLException {
        this.jdbc = jdbc;
        connection = dataSource.getConnection();
        long waitingBefore = waitingForLocks();
        for (var blocker : buyers.many(holds)) {
            var id = UUID.fromString(blocker.get("/api/v1/me").json().get("id").asString());
            try (var lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, BuyerLimits.lockKey(id));
                lock.execute();
            }
            sent.add(CompletableFuture.supplyAsync(() -> hold(blocker, event), background));
            long waiting = waitingBefore + sent.size();
            awaitTrue("a hold waiting for its buyer's lock", () -> waitingForLocks() >= waiting);
        }
    }

    /** One buyer's hold of one ticket on the event's floor, sent once. */
    static Api.Reply hold(Api buyer, UUID event) {
        return buyer.postOnce("/api/v1/orders", Map.of("eventId", event, "zone", "FLOOR", "quantity", 1));
    }

    static void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + WAIT + ": " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting: " + what, e);
            }
        }
    }

    /** Lets the drain go; the blocked holds are then placed. */
    @Override
    public void close() throws SQLException, ExecutionException {
        try (connection) {
            try (var unlock = connection.prepareStatement("SELECT pg_advisory_unlock_all()")) {
                unlock.execute();
            }
        }
        var replies = new ArrayList<Api.Reply>();
        for (var reply : sent) {
            try {
                replies.add(reply.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for a blocked hold", e);
            }
        }
        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(201));
    }

    private long waitingForLocks() {
        return jdbc.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                .query(Long.class)
                .single();
    }
}
