package org.boxoffice.platform.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import org.boxoffice.platform.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL asks every connection for a password (SCRAM), not {@code trust}: the
 * password is generated once and kept in the data directory as {@code postgres-password} (a
 * secret file, see {@link DataDirectory}).
 *
 * <p>zonky's {@code initdb} makes a {@code trust} cluster, so every start sets the password and
 * then, where {@code pg_hba.conf} is not yet ours, writes ours and reloads it. A data directory
 * of an older version (trust, no password file) is converted that way on its first start; a
 * start killed halfway through is finished by the next one, because nothing asks for a password
 * until the password is set. The cluster remembers which password it was given (a digest, in
 * {@value #DIGEST_FILE}), so a lost or replaced password file is named at start instead of
 * ending in a minute of failed logins.
 */
final class PostgresPassword {

    private static final Logger log = LoggerFactory.getLogger(PostgresPassword.class);

    static final String FILE = "postgres-password";
    static final String DIGEST_FILE = "boxoffice-password.sha256";
    static final String HBA = """
            # Written by boxoffice: every connection logs in with the password kept in the data
            # directory (postgres-password), by SCRAM. To have the password set again, replace this
            # file by the line `host all all 127.0.0.1/32 trust` and start the server.
            local   all   all                   scram-sha-256
            host    all   all   127.0.0.1/32    scram-sha-256
            host    all   all   ::1/128         scram-sha-256
            """;

    private static final Duration RELOAD_PATIENCE = Duration.ofSeconds(10);

    private final String value;
    private final Path file;

    private PostgresPassword(String value, Path file) {
        this.value = value;
        this.file = file;
    }

    static PostgresPassword of(Path dataDir) {
        var dataDirectory = DataDirectory.at(dataDir);
        return new PostgresPassword(
                dataDirectory.secret(FILE, PostgresPassword::generate),
                dataDirectory.root().resolve(FILE));
    }

    String value() {
        return value;
    }

    /**
     * Before the server starts: a cluster that asks for passwords must have been given this one.
     *
     * @throws IllegalStateException naming the files and the way out when it was given another
     */
    void checkCanLogIn(Path pgData) {
        if (!asksForPasswords(pgData)) {
            return;
        }
        var digest = pgData.resolve(DIGEST_FILE);
        if (!Files.exists(digest) || !read(digest).strip().equals(digest(value))) {
            throw new IllegalStateException("The embedded PostgreSQL in " + pgData
                    + " asks for a password that is not the one in " + file + " (was the file lost or replaced?). "
                    + "Put that database's password file back; or, to give it the password in the file, replace "
                    + pgData.resolve("pg_hba.conf") + " by the line `host all all 127.0.0.1/32 trust` and start "
                    + "again: the server sets the password and asks for it from then on.");
        }
    }

    /** After the server started: the password is set, and from now on asked for. */
    void require(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server, Path pgData) {
        var url = server.getJdbcUrl(EmbeddedPostgres.USER, "postgres");
        try (var connection = DriverManager.getConnection(url, EmbeddedPostgres.USER, value);
                var statement = connection.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            statement.execute("ALTER ROLE " + EmbeddedPostgres.USER + " PASSWORD '" + value.replace("'", "''") + "'");
            writeOwnerOnly(pgData.resolve(DIGEST_FILE), digest(value) + "\n");
            if (asksForPasswords(pgData)) {
                return;
            }
            writeOwnerOnly(pgData.resolve("pg_hba.conf"), HBA);
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set the password of the embedded PostgreSQL in " + pgData, e);
        }
        awaitPasswordsAsked(url, pgData);
        log.info("The embedded PostgreSQL in {} now asks for the password kept in {}", pgData, file);
    }

    /** The reload is a signal: wait until a wrong password is refused, so nothing after us finds trust. */
    private static void awaitPasswordsAsked(String url, Path pgData) {
        long deadline = System.nanoTime() + RELOAD_PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                DriverManager.getConnection(url, EmbeddedPostgres.USER, "not the password")
                        .close();
                Thread.sleep(20);
            } catch (SQLException refused) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("The embedded PostgreSQL in " + pgData + " still lets anyone in after "
                + "its pg_hba.conf was reloaded");
    }

    static boolean asksForPasswords(Path pgData) {
        var hba = pgData.resolve("pg_hba.conf");
        return Files.exists(hba) && read(hba).equals(HBA);
    }

    private static void writeOwnerOnly(Path file, String content) {
        try {
            var temporary = Files.createTempFile(
                    file.getParent(),
                    "." + file.getFileName() + ".",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(temporary, content);
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static String digest(String password) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String generate() {
        var bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
