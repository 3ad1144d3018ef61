package org.boxoffice.platform.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL of a JVM that was killed ({@code kill -9}) keeps running and keeps its data
 * directory: a new one cannot start there. Before starting, a postmaster left on the directory
 * is shut down (fast shutdown, as {@code pg_ctl stop -m fast}: committed work is on disk, and
 * what was in flight is rolled back by the WAL at the next start), and a pid file whose process
 * is gone is removed.
 *
 * <p>A postmaster is taken for orphaned only when its pid file names this directory, the
 * process is a {@code postgres}, and no live JVM holds the embedded server's lock on the
 * directory: a server still owned by another running application is left alone.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    /** The file the zonky binaries lock while a JVM runs a server on the directory. */
    static final String OWNER_LOCK = "epg-lock";

    private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(30);
    private static final Duration IMMEDIATE_SHUTDOWN = Duration.ofSeconds(10);

    private OrphanedPostmaster() {}

    /** Leaves {@code pgData} free for a new server: stops an orphaned postmaster, drops a stale pid file. */
    static void stopIn(Path pgData) {
        var pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        var postmaster = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (postmaster.isEmpty() || !isPostgresOf(postmaster.get(), pidFile, pgData)) {
            log.info("Removed a stale postmaster.pid from {}: no PostgreSQL runs there any more", pgData);
            deleteIfExists(pidFile);
            return;
        }
        if (ownedByAnotherLiveProcess(pgData)) {
            throw new IllegalStateException("The embedded PostgreSQL in " + pgData + " (pid "
                    + postmaster.get().pid() + ") belongs to another running application; stop it first");
        }
        stop(postmaster.get(), pgData);
        if (Files.exists(pidFile) && !postmaster.get().isAlive()) {
            deleteIfExists(pidFile);
        }
    }

    private static void stop(ProcessHandle postmaster, Path pgData) {
        var started = System.nanoTime();
        log.warn(
                "An embedded PostgreSQL (pid {}) left by a killed server still runs on {}; shutting it down",
                postmaster.pid(),
                pgData);
        var children = postmaster.children().toList();
        if (signalAndWait(postmaster, "INT", FAST_SHUTDOWN)) {
            log.info(
                    "Stopped the orphaned PostgreSQL (fast shutdown, {} ms)",
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            return;
        }
        log.warn("The orphaned PostgreSQL did not stop within {}; immediate shutdown", FAST_SHUTDOWN);
        if (signalAndWait(postmaster, "QUIT", IMMEDIATE_SHUTDOWN)) {
            log.info("Stopped the orphaned PostgreSQL (immediate shutdown; it recovers from its WAL at start)");
            return;
        }
        log.warn("The orphaned PostgreSQL ignored SIGQUIT; killing it and its processes");
        postmaster.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        if (!waitFor(postmaster, IMMEDIATE_SHUTDOWN)) {
            throw new IllegalStateException("Cannot stop the orphaned PostgreSQL (pid " + postmaster.pid() + ") on "
                    + pgData + "; stop it by hand");
        }
    }

    private static boolean signalAndWait(ProcessHandle process, String signal, Duration patience) {
        try {
            var kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            log.warn("Could not send SIG{} to {}", signal, process.pid(), e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return waitFor(process, patience);
    }

    private static boolean waitFor(ProcessHandle process, Duration patience) {
        try {
            process.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** The pid file's second line is the data directory; the process must be a postgres. */
    private static boolean isPostgresOf(ProcessHandle process, Path pidFile, Path pgData) {
        var lines = readLines(pidFile);
        if (lines.size() < 2 || !sameDirectory(Path.of(lines.get(1).strip()), pgData)) {
            return false;
        }
        var command = process.info().command().or(() -> commandFromProc(process.pid()));
        return command.map(path -> Path.of(path).getFileName().toString().equals("postgres"))
                .orElse(false);
    }

    private static Optional<String> commandFromProc(long pid) {
        try {
            var cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"));
            int end = cmdline.indexOf('\0');
            return Optional.of(end < 0 ? cmdline : cmdline.substring(0, end)).filter(command -> !command.isEmpty());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean ownedByAnotherLiveProcess(Path pgData) {
        var lockFile = pgData.resolve(OWNER_LOCK);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (var channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                var lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            log.warn("Could not check who owns {}", lockFile, e);
            return false;
        }
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        var lines = readLines(pidFile);
        try {
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.getFirst().strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + file, e);
        }
    }
}
