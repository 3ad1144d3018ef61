package org.boxoffice.testing;

import java.io.IOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/** A real Redis on a port of its own that a test stops and starts again; it keeps nothing on disk. */
public final class ControlledRedis implements AutoCloseable {

    private final int port;
    private RedisServer server;

    /** On a free port. */
    public ControlledRedis() throws IOException {
        this(freePort());
    }

    public ControlledRedis(int port) {
        this.port = port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public void start() throws IOException {
        server = RedisServer.newRedisServer()
                .bind("127.0.0.1")
                .port(port)
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
        server.start();
    }

    public void stop() throws IOException {
        if (server != null && server.isActive()) {
            server.stop();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
