package org.boxoffice.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A provider on 127.0.0.1 that answers every request with {@code 200} headers and the start of a
 * JSON body, then stalls the rest of the body until it is closed (or for a minute at most): the
 * case the JDK client's request timeout does not cover.
 */
public final class StallingServer implements AutoCloseable {

    private static final Duration LONGEST_STALL = Duration.ofMinutes(1);

    private final HttpServer server;
    private final CountDownLatch closed = new CountDownLatch(1);

    private StallingServer(HttpServer server) {
        this.server = server;
    }

    public static StallingServer start() {
        try {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            var stalling = new StallingServer(server);
            server.createContext("/", exchange -> {
                var start = "{\"status\":".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, 1000);
                exchange.getResponseBody().write(start);
                exchange.getResponseBody().flush();
                stalling.stall();
                exchange.close();
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return stalling;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }

    private void stall() {
        try {
            closed.await(LONGEST_STALL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
