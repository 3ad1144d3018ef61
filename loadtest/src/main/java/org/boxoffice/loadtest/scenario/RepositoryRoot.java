package org.boxoffice.loadtest.scenario;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the repository root, where the server keeps {@code data/admin-password} when started
 * with {@code ./mvnw -pl server spring-boot:run}, from wherever the runner was started.
 */
final class RepositoryRoot {

    private RepositoryRoot() {}

    /** The nearest directory at or above {@code start} that holds the Maven Wrapper's {@code .mvn}. */
    static Path above(Path start) {
        for (var directory = start.toAbsolutePath().normalize(); directory != null; directory = directory.getParent()) {
            if (Files.isDirectory(directory.resolve(".mvn"))) {
                return directory;
            }
        }
        return start;
    }
}
