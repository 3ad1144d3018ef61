package org.boxoffice.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The data directory: where generated secrets are kept so that a restart finds them again.
 *
 * <p>The directory is the owner's only ({@code 0700}). A secret file is born owner-only ({@code
 * 0600}): it is written to a temporary file created with those permissions, then linked into
 * place in one step, so that nobody ever sees it readable by others, half written, or replaced
 * (two instances starting at once on one directory keep the first one's secret). A secret file
 * that others may read or that is blank is refused, naming the file and the fix.
 */
@Component
public class DataDirectory {

    private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);

    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private final Path root;

    DataDirectory(BoxofficeSettings settings) {
        this.root = settings.dataDir().toAbsolutePath().normalize();
    }

    /** The data directory at {@code root}, for code that runs before the application context (engines). */
    public static DataDirectory at(Path root) {
        return new DataDirectory(new BoxofficeSettings(root));
    }

    public Path root() {
        return root;
    }

    /**
     * Reads the secret kept in {@code fileName}, or makes one with {@code generator}, writes it
     * (readable by the owner only, from the first byte) and returns it.
     *
     * @throws UnsafeSecretFile when the file is blank or others may read or change it
     */
    public synchronized String secret(String fileName, Supplier<String> generator) {
        var file = root.resolve(fileName);
        try {
            ownerOnlyRoot();
            if (Files.exists(file)) {
                return read(file);
            }
            var secret = generator.get();
            if (writeNew(file, secret + "\n")) {
                return secret;
            }
            // Another process wrote it first: theirs is the secret.
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the secret in " + file, e);
        }
    }

    /** Whether the secret file {@code fileName} exists already. */
    public boolean hasSecret(String fileName) {
        return Files.exists(root.resolve(fileName));
    }

    private void ownerOnlyRoot() throws IOException {
        if (!isPosix()) {
            Files.createDirectories(root);
            return;
        }
        if (!Files.exists(root)) {
            Files.createDirectories(root, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            // The umask may take bits away, never add them; set it exactly all the same.
            Files.setPosixFilePermissions(root, OWNER_ONLY_DIRECTORY);
            return;
        }
        var permissions = Files.getPosixFilePermissions(root);
        if (!permissions.equals(OWNER_ONLY_DIRECTORY)) {
            Files.setPosixFilePermissions(root, OWNER_ONLY_DIRECTORY);
            log.warn(
                    "The data directory {} was {}; it is now rwx------ (the owner's only)",
                    root,
                    PosixFilePermissions.toString(permissions));
        }
    }

    private String read(Path file) throws IOException {
        if (isPosix()) {
            var permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(OTHERS::contains)) {
                throw new UnsafeSecretFile(
                        file,
                        "can be read or changed by others ("
                                + PosixFilePermissions.toString(permissions) + "): run `chmod 600 " + file
                                + "` (and replace the secret if someone else may have read it), then start again");
            }
        }
        var secret = Files.readString(file).strip();
        if (secret.isEmpty()) {
            throw new UnsafeSecretFile(
                    file,
                    "is blank: delete it to have a new secret generated at the next start,"
                            + " or write the secret into it (with `chmod 600 " + file + "`)");
        }
        return secret;
    }

    /** Writes {@code content} to {@code file} unless it exists; false when it did (nothing written). */
    private boolean writeNew(Path file, String content) throws IOException {
        FileAttribute<?>[] ownerOnly = isPosix()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
                : new FileAttribute<?>[0];
        var temporary = Files.createTempFile(root, "." + file.getFileName() + ".", ".tmp", ownerOnly);
        try {
            try (var channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            try {
                // A hard link never replaces a file that exists: the first writer wins.
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
                // No hard links here: move it into place, checking first (a narrow race, only there).
                if (Files.exists(file)) {
                    return false;
                }
                Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            syncDirectory();
            return true;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Makes the new name durable, where the platform allows opening a directory. */
    private void syncDirectory() {
        try (var directory = FileChannel.open(root, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("Could not sync the data directory {}", root, e);
        }
    }

    private boolean isPosix() {
        return root.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** A secret file that must not be used as it is: the message names the file and the fix. */
    public static final class UnsafeSecretFile extends IllegalStateException {

        UnsafeSecretFile(Path file, String problem) {
            super("The secret file " + file + " " + problem + ".");
        }
    }
}
