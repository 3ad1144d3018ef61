package org.boxoffice.platform.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Redis of a JVM that was killed ({@code kill -9}) keeps running on its port. Each
 * JVM that starts one records it in {@code <data-dir>/embedded-redis/<jvm pid>.pid} (the Redis
 * pid and its start time); the next start stops the ones whose JVM is gone. A Redis whose JVM
 * still runs (a test run beside a server, say) is left alone, and a recorded pid now used by
 * another process is not touched.
 */
final class OrphanedRedis {

    private static final Logger log = LoggerFactory.getLogger(OrphanedRedis.class);

    private OrphanedRedis() {}

    static void record(Path dataDir, ProcessHandle redis) {
        var file = recordOf(dataDir, ProcessHandle.current().pid());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, redis.pid() + "\n" + startedAt(redis).orElse(0L) + "\n");
        } catch (IOException e) {
            log.warn("Could not record the embedded Redis in {}", file, e);
        }
    }

    static void forget(Path dataDir) {
        try {
            Files.deleteIfExists(recordOf(dataDir, ProcessHandle.current().pid()));
        } catch (IOException e) {
            log.debug("Could not remove the embedded Redis record", e);
        }
    }

    /** Stops every recorded Redis whose JVM is gone. */
    static void stopLeftBehind(Path dataDir) {
        var folder = folder(dataDir);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var records = Files.list(folder)) {
            for (var record :
                    records.filter(file -> file.toString().endsWith(".pid")).toList()) {
                stopIfOrphaned(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + folder, e);
        }
    }

    private static void stopIfOrphaned(Path record) throws IOException {
        var name = record.getFileName().toString();
        long owner = Long.parseLong(name.substring(0, name.length() - ".pid".length()));
        if (owner != ProcessHandle.current().pid()
                && ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
            return;
        }
        var lines = Files.readAllLines(record);
        var redis =
                lines.isEmpty() ? Optional.<ProcessHandle>empty() : ProcessHandle.of(Long.parseLong(lines.getFirst()));
        long recordedStart = lines.size() > 1 ? Long.parseLong(lines.get(1)) : 0;
        redis.filter(ProcessHandle::isAlive)
                .filter(process -> isRedisServer(process) && startedAt(process).orElse(0L) == recordedStart)
                .ifPresent(OrphanedRedis::stop);
        Files.deleteIfExists(record);
    }

    private static void stop(ProcessHandle redis) {
        log.warn("An embedded Redis (pid {}) left by a killed server still runs; stopping it", redis.pid());
        redis.destroy();
        try {
            redis.onExit().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            redis.destroyForcibly();
        }
    }

    private static boolean isRedisServer(ProcessHandle process) {
        return process.info()
                .command()
                .map(command -> Path.of(command).getFileName().toString().contains("redis-server"))
                .orElse(false);
    }

    private static Optional<Long> startedAt(ProcessHandle process) {
        return process.info().startInstant().map(instant -> instant.toEpochMilli());
    }

    /** The embedded Redis this JVM started: its child process running redis-server. */
    static Optional<ProcessHandle> startedByThisJvm() {
        return ProcessHandle.current()
                .children()
                .filter(OrphanedRedis::isRedisServer)
                .findFirst();
    }

    private static Path folder(Path dataDir) {
        return dataDir.resolve("embedded-redis");
    }

    private static Path recordOf(Path dataDir, long jvmPid) {
        return folder(dataDir).resolve(jvmPid + ".pid");
    }
}
