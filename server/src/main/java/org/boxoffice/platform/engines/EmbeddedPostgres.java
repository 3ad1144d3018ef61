package org.boxoffice.platform.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server from the zonky binaries, one per data directory and JVM: a second
 * application context in the same JVM (as in tests) reuses the running server. A server left
 * running on the directory by a killed JVM is shut down first ({@link OrphanedPostmaster}).
 * Connections need the password kept in the data directory ({@link PostgresPassword}).
 */
final class EmbeddedPostgres {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final Map<Path, Login> RUNNING = new ConcurrentHashMap<>();

    static final String USER = "postgres";

    private EmbeddedPostgres() {}

    /** How to connect to the embedded server: its URL, the superuser and the password. */
    record Login(
            String jdbcUrl, String user, String password, io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {}

    /** The server of {@code dataDir}, started (and its authentication set up) unless it runs in this JVM. */
    static Login start(Path dataDir, boolean cleanOnStart) {
        return RUNNING.computeIfAbsent(dataDir.toAbsolutePath().normalize(), dir -> startIn(dir, cleanOnStart));
    }

    private static Login startIn(Path dataDir, boolean cleanOnStart) {
        // A throw-away database lives in a folder of its own process, so that two test JVMs
        // (or a test run beside a running server) never wipe each other's data.
        var pgData = cleanOnStart
                ? dataDir.resolve("postgres-" + ProcessHandle.current().pid())
                : dataDir.resolve("postgres");
        var password = PostgresPassword.of(dataDir);
        var server = startServer(dataDir, pgData, cleanOnStart, password);
        try {
            password.require(server, pgData);
        } catch (RuntimeException e) {
            close(server, dataDir);
            throw e;
        }
        return new Login(server.getJdbcUrl(USER, "postgres"), USER, password.value(), server);
    }

    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres startServer(
            Path dataDir, Path pgData, boolean cleanOnStart, PostgresPassword password) {
        var started = System.nanoTime();
        try {
            if (cleanOnStart) {
                deleteRecursively(pgData);
            }
            Files.createDirectories(pgData);
            OrphanedPostmaster.stopIn(pgData);
            password.checkCanLogIn(pgData);
            // Kept data is real data: every commit reaches the disk unless a transaction says
            // otherwise (holds do; see HoldSettings). A throw-away test database skips fsync.
            var durable = cleanOnStart ? "off" : "on";
            var server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setServerConfig("fsync", durable)
                    .setServerConfig("synchronous_commit", durable)
                    .setServerConfig("full_page_writes", durable)
                    .setCleanDataDirectory(cleanOnStart)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("work_mem", "16MB")
                    .setServerConfig("maintenance_work_mem", "256MB")
                    .setServerConfig("max_wal_size", "2GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .setServerConfig("wal_compression", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // What each statement costs, for operators and the benchmarks (a view once
                    // CREATE EXTENSION pg_stat_statements is run; the library is in the binaries).
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    // zonky's own readiness check logs in too.
                    .setConnectConfig("password", password.value())
                    .start();
            log.info(
                    "Embedded PostgreSQL started on port {} with data in {} ({} ms)",
                    server.getPort(),
                    pgData,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /** Stops the server of {@code dataDir} started by this JVM, if any (tests). */
    static void stop(Path dataDir) {
        var login = RUNNING.remove(dataDir.toAbsolutePath().normalize());
        if (login != null) {
            close(login.server(), dataDir);
        }
    }

    private static void close(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server, Path dataDir) {
        try {
            server.close();
        } catch (IOException e) {
            log.warn("The embedded PostgreSQL of {} did not stop cleanly", dataDir, e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (var path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
