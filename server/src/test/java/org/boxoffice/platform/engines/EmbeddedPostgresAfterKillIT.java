package org.boxoffice.platform.engines;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed with {@code kill -9} leaves its PostgreSQL running on the data directory; the
 * next start on that directory takes it down by itself and finds every committed row.
 */
class EmbeddedPostgresAfterKillIT {

    @TempDir
    Path dataDir;

    @AfterEach
    void stopServer() {
        EmbeddedPostgres.stop(dataDir);
    }

    @Test
    void aRestartAfterKillNineStopsTheOrphanedServerAndKeepsWhatWasCommitted() throws Exception {
        var note = UUID.randomUUID().toString();
        try (var killed = ChildJvm.startAndAwait(
                PostgresThenKilled.class,
                PostgresThenKilled.COMMITTED,
                Duration.ofMinutes(2),
                dataDir.toString(),
                note)) {
            killed.killHard();
        }
        var orphan = orphanedPostmaster();
        assertThat(orphan.isAlive())
                .as("the killed JVM's PostgreSQL still runs")
                .isTrue();

        var login = EmbeddedPostgres.start(dataDir, false);

        assertThat(orphan.isAlive()).as("the orphan was stopped").isFalse();
        try (var connection = DriverManager.getConnection(login.jdbcUrl(), login.user(), login.password());
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT note FROM survivor WHERE id = 1")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo(note);
        }
    }

    private ProcessHandle orphanedPostmaster() throws Exception {
        var pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"))
                .getFirst()
                .strip());
        return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
    }
}
