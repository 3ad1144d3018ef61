package org.boxoffice.platform.engines;

import java.nio.file.Path;
import java.sql.DriverManager;

/**
 * The child of {@link EmbeddedPostgresAfterKillIT}: starts the embedded PostgreSQL on the data
 * directory given, commits one row, says so and waits to be killed.
 */
final class PostgresThenKilled {

    static final String COMMITTED = "COMMITTED";

    private PostgresThenKilled() {}

    public static void main(String[] args) throws Exception {
        var login = EmbeddedPostgres.start(Path.of(args[0]), false);
        try (var connection = DriverManager.getConnection(login.jdbcUrl(), login.user(), login.password());
                var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE survivor (id int PRIMARY KEY, note text)");
            statement.execute("INSERT INTO survivor VALUES (1, '" + args[1] + "')");
        }
        System.out.println(COMMITTED);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
