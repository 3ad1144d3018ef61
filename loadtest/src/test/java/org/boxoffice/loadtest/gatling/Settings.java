package org.boxoffice.loadtest.gatling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The simulations' knobs, read from system properties ({@code -Dusers=200}) with defaults. */
final class Settings {

    private Settings() {}

    static String baseUrl() {
        return text("baseUrl", "http://localhost:8080");
    }

    static String text(String name, String fallback) {
        var value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    static int number(String name, int fallback) {
        return Integer.parseInt(text(name, Integer.toString(fallback)));
    }

    static double fraction(String name, double fallback) {
        return Double.parseDouble(text(name, Double.toString(fallback)));
    }

    /** Seconds, as the brief writes them: {@code -Dduration=30}. */
    static Duration seconds(String name, int fallback) {
        return Duration.ofSeconds(number(name, fallback));
    }

    static String adminEmail() {
        return text("adminEmail", "admin@boxoffice.local");
    }

    /** {@code -DadminPassword=}, else {@code data/admin-password} at the repository root. */
    static String adminPassword() {
        var given = System.getProperty("adminPassword");
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        var file = repositoryRoot().resolve("data").resolve("admin-password");
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("no -DadminPassword= and no readable " + file, e);
        }
    }

    /** The nearest directory at or above the working directory that holds the Maven Wrapper's {@code .mvn}. */
    private static Path repositoryRoot() {
        var start = Path.of("").toAbsolutePath().normalize();
        for (var directory = start; directory != null; directory = directory.getParent()) {
            if (Files.isDirectory(directory.resolve(".mvn"))) {
                return directory;
            }
        }
        return start;
    }
}
