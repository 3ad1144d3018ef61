package org.boxoffice.platform.engines;

import java.nio.file.Path;

/** The child of {@link EmbeddedRedisAfterKillIT}: starts the embedded Redis, prints its port, waits to be killed. */
final class RedisThenKilled {

    static final String PORT = "PORT ";

    private RedisThenKilled() {}

    public static void main(String[] args) throws Exception {
        System.out.println(PORT + EmbeddedRedis.port(Path.of(args[0])));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
