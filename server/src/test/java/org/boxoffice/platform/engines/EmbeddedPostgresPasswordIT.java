package org.boxoffice.platform.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL asks for the password kept in the data directory; a data directory of
 * an older version (trust, no password file) is converted on its first start and keeps its data.
 */
class EmbeddedPostgresPasswordIT {

    @TempDir
    Path dataDir;

    @AfterEach
    void stopServer() {
        EmbeddedPostgres.stop(dataDir);
    }

    @Test
    void aNewServerAsksForThePasswordKeptOwnerOnlyInTheDataDirectory() throws Exception {
        var login = EmbeddedPostgres.start(dataDir, false);

        var file = dataDir.resolve(PostgresPassword.FILE);
        assertThat(Files.readString(file).strip()).isEqualTo(login.password()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertLoginNeedsThePassword(login);
        assertThat(Files.readString(dataDir.resolve("postgres").resolve("pg_hba.conf")))
                .contains("scram-sha-256")
                .doesNotContainPattern("(?m)^[^#].*\\btrust\\b");
    }

    @Test
    void aTrustDataDirectoryOfAnOlderVersionIsConvertedAndKeepsItsData() throws Exception {
        var note = UUID.randomUUID().toString();
        try (var old = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir.resolve("postgres"))
                        .setCleanDataDirectory(false)
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .start();
                var connection = DriverManager.getConnection(old.getJdbcUrl("postgres", "postgres"), "postgres", "");
                var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (note text)");
            statement.execute("INSERT INTO kept VALUES ('" + note + "')");
        }
        assertThat(dataDir.resolve(PostgresPassword.FILE)).doesNotExist();

        var login = EmbeddedPostgres.start(dataDir, false);

        assertLoginNeedsThePassword(login);
        assertThat(noteIn(login)).isEqualTo(note);

        EmbeddedPostgres.stop(dataDir);
        var again = EmbeddedPostgres.start(dataDir, false);
        assertThat(again.password()).isEqualTo(login.password());
        assertLoginNeedsThePassword(again);
        assertThat(noteIn(again)).isEqualTo(note);
    }

    @Test
    void aLostPasswordFileIsNamedAtStart() throws Exception {
        EmbeddedPostgres.start(dataDir, false);
        EmbeddedPostgres.stop(dataDir);
        Files.delete(dataDir.resolve(PostgresPassword.FILE));

        assertThatThrownBy(() -> EmbeddedPostgres.start(dataDir, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dataDir.resolve(PostgresPassword.FILE).toString())
                .hasMessageContaining("trust");
    }

    @Test
    void aPgHbaPutBackToTrustHasThePasswordSetAgain() throws Exception {
        EmbeddedPostgres.start(dataDir, false);
        EmbeddedPostgres.stop(dataDir);
        Files.delete(dataDir.resolve(PostgresPassword.FILE));
        Files.writeString(dataDir.resolve("postgres").resolve("pg_hba.conf"), "host all all 127.0.0.1/32 trust\n");

        var login = EmbeddedPostgres.start(dataDir, false);

        assertLoginNeedsThePassword(login);
    }

    private static void assertLoginNeedsThePassword(EmbeddedPostgres.Login login) throws SQLException {
        try (var connection = DriverManager.getConnection(login.jdbcUrl(), login.user(), login.password());
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT 1")) {
            assertThat(rows.next()).isTrue();
        }
        for (var wrong : new String[] {"", "postgres", login.password() + "x"}) {
            assertThatThrownBy(() -> DriverManager.getConnection(login.jdbcUrl(), login.user(), wrong)
                            .close())
                    .as("logging in with '" + wrong + "'")
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("28P01", "08004"));
        }
    }

    private static String noteIn(EmbeddedPostgres.Login login) throws SQLException {
        try (var connection = DriverManager.getConnection(login.jdbcUrl(), login.user(), login.password());
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT note FROM kept")) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }
}
