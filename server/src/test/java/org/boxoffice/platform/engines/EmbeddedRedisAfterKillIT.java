package org.boxoffice.platform.engines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server killed with {@code kill -9} leaves its embedded Redis running; the next start stops it. */
class EmbeddedRedisAfterKillIT {

    @TempDir
    Path dataDir;

    @Test
    void theNextStartStopsTheRedisOfAKilledServer() throws Exception {
        int port;
        try (var killed = ChildJvm.startAndAwait(
                RedisThenKilled.class, RedisThenKilled.PORT, Duration.ofMinutes(1), dataDir.toString())) {
            port = Integer.parseInt(killed.readyLine().substring(RedisThenKilled.PORT.length()));
            killed.killHard();
        }
        assertThat(accepts(port)).as("the killed JVM's Redis still answers").isTrue();

        OrphanedRedis.stopLeftBehind(dataDir);

        assertThat(accepts(port)).as("the orphaned Redis was stopped").isFalse();
    }

    @Test
    void aRedisWhoseServerStillRunsIsLeftAlone() throws Exception {
        try (var running = ChildJvm.startAndAwait(
                RedisThenKilled.class, RedisThenKilled.PORT, Duration.ofMinutes(1), dataDir.toString())) {
            int port = Integer.parseInt(running.readyLine().substring(RedisThenKilled.PORT.length()));

            OrphanedRedis.stopLeftBehind(dataDir);

            assertThat(accepts(port)).isTrue();
            running.killHard();
            OrphanedRedis.stopLeftBehind(dataDir);
        }
    }

    private static boolean accepts(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
