package org.boxoffice.platform.engines;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started from the test's own class path that runs one {@code main} and announces on its
 * standard output when it got where the test wants it; the test then kills it with SIGKILL, as
 * {@code kill -9} would.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private volatile String readyLine = "";

    private ChildJvm(Process process) {
        this.process = process;
    }

    /** The line that said the child was ready. */
    String readyLine() {
        return readyLine;
    }

    /** Starts {@code main} with {@code args} and waits (bounded) for a line that starts with {@code ready}. */
    static ChildJvm startAndAwait(Class<?> main, String ready, Duration within, String... args) throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<String>();
        command.add(java);
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        var child = new ChildJvm(
                new ProcessBuilder(command).redirectErrorStream(true).start());
        var announced = CompletableFuture.supplyAsync(() -> child.readUntil(ready), Thread::startVirtualThread);
        try {
            announced.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            child.close();
            throw new AssertionError("The child JVM did not print '" + ready + "' within " + within, e);
        }
        return child;
    }

    private String readUntil(String ready) {
        var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            for (var line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(ready)) {
                    readyLine = line;
                    Thread.startVirtualThread(() -> drain(lines));
                    return line;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("The child JVM ended before it was ready");
    }

    private static void drain(BufferedReader lines) {
        try {
            while (lines.readLine() != null) {
                // keep the pipe empty, so the child never blocks on its output
            }
        } catch (IOException e) {
            // the child is gone
        }
    }

    /** SIGKILL: no shutdown hook runs, so whatever the child started is left behind. */
    void killHard() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        killHard();
    }
}
