package org.boxoffice.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** The data directory: where generated secrets are kept so that a restart finds them again. */
@Component
public class DataDirectory {

    private final Path root;

    DataDirectory(BoxofficeSettings settings) {
        this.root = settings.dataDir().toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /**
     * Reads the secret kept in {@code fileName}, or makes one with {@code generator}, writes it
     * (readable by the owner only) and returns it.
     */
    public synchronized String secret(String fileName, Supplier<String> generator) {
        var file = root.resolve(fileName);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(root);
            var secret = generator.get();
            Files.writeString(file, secret + "\n");
            ownerOnly(file);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the secret in " + file, e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
