package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @TempDir
    Path parent;

    @Test
    void aNewSecretIsKeptOwnerOnlyInAnOwnerOnlyDirectoryWithNothingLeftBehind() throws Exception {
        var root = parent.resolve("data");
        var directory = DataDirectory.at(root);

        var secret = directory.secret("signing-key", () -> "s3cret-value");

        assertThat(secret).isEqualTo("s3cret-value");
        assertThat(permissions(root)).isEqualTo("rwx------");
        assertThat(permissions(root.resolve("signing-key"))).isEqualTo("rw-------");
        assertThat(Files.readString(root.resolve("signing-key"))).isEqualTo("s3cret-value\n");
        try (var files = Files.list(root)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("signing-key");
        }
        assertThat(directory.secret("signing-key", () -> "another")).isEqualTo("s3cret-value");
    }

    @Test
    void anExistingDirectoryOpenToOthersIsMadeOwnerOnly() throws Exception {
        var root = Files.createDirectory(parent.resolve("data"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));

        DataDirectory.at(root).secret("key", () -> "value");

        assertThat(permissions(root)).isEqualTo("rwx------");
    }

    @Test
    void aSecretFileOthersMayReadIsRefusedNamingTheFileAndTheFix() throws Exception {
        var root = Files.createDirectory(parent.resolve("data"));
        var file = Files.writeString(root.resolve("jwt-signing-key"), "a-secret-that-leaked\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> DataDirectory.at(root).secret("jwt-signing-key", () -> "new"))
                .isInstanceOf(DataDirectory.UnsafeSecretFile.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("chmod 600 " + file);
    }

    @Test
    void aSecretFileTheGroupMayReadIsRefusedToo() throws Exception {
        var root = Files.createDirectory(parent.resolve("data"));
        var file = Files.writeString(root.resolve("admin-password"), "password\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        assertThatThrownBy(() -> DataDirectory.at(root).secret("admin-password", () -> "new"))
                .isInstanceOf(DataDirectory.UnsafeSecretFile.class)
                .hasMessageContaining("chmod 600");
    }

    @Test
    void aBlankSecretFileIsRefusedNamingTheFile() throws Exception {
        var root = Files.createDirectory(parent.resolve("data"));
        var file = Files.writeString(root.resolve("qr-signing-key"), "  \n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> DataDirectory.at(root).secret("qr-signing-key", () -> "new"))
                .isInstanceOf(DataDirectory.UnsafeSecretFile.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("blank");
    }

    @Test
    void instancesStartingAtOnceOnOneDirectoryAllKeepTheFirstSecret() throws Exception {
        var root = parent.resolve("data");
        var start = new CountDownLatch(1);
        var starts = new ArrayList<Callable<String>>();
        for (int i = 0; i < 16; i++) {
            // One DataDirectory each, as separate processes would have.
            var directory = DataDirectory.at(root);
            starts.add(() -> {
                start.await();
                return directory.secret("shared", () -> UUID.randomUUID().toString());
            });
        }
        var secrets = new HashSet<String>();
        try (var pool = Executors.newFixedThreadPool(16)) {
            var futures = starts.stream().map(pool::submit).toList();
            start.countDown();
            for (var future : futures) {
                secrets.add(future.get());
            }
        }
        assertThat(secrets).hasSize(1);
        assertThat(Files.readString(root.resolve("shared")).strip())
                .isEqualTo(secrets.iterator().next());
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
