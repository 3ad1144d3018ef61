package org.boxoffice.platform.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A real Redis server from the embedded-redis binaries, one per JVM. Redis holds only what
 * may be lost (caches, rate limits, fan-out), so it keeps nothing on disk. Its process is
 * recorded in the data directory, so that the next start stops it if this JVM is killed ({@link
 * OrphanedRedis}).
 */
final class EmbeddedRedis {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);
    private static volatile int port;

    private EmbeddedRedis() {}

    static synchronized int port(Path dataDir) {
        if (port == 0) {
            port = start(dataDir);
        }
        return port;
    }

    private static int start(Path dataDir) {
        try {
            OrphanedRedis.stopLeftBehind(dataDir);
            int freePort = freePort();
            var server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(freePort)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .setting("maxmemory 256mb")
                    .setting("maxmemory-policy allkeys-lru")
                    .build();
            server.start();
            OrphanedRedis.startedByThisJvm().ifPresent(redis -> OrphanedRedis.record(dataDir, redis));
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
                stop(server);
                OrphanedRedis.forget(dataDir);
            }));
            log.info("Embedded Redis started on port {}", freePort);
            return freePort;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded Redis", e);
        }
    }

    private static void stop(RedisServer server) {
        try {
            server.stop();
        } catch (IOException e) {
            log.warn("Embedded Redis did not stop cleanly", e);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
