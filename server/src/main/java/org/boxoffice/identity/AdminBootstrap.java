package org.boxoffice.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.UUID;
import org.boxoffice.platform.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure the administrator exists and has the configured password. Without a configured
 * password one is generated on the first start, printed once and kept in the data directory.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    static final String PASSWORD_FILE = "admin-password";

    private final AdminSettings admin;
    private final Users users;
    private final PasswordHasher passwords;
    private final DataDirectory dataDirectory;
    private final Clock clock;

    AdminBootstrap(
            AdminSettings admin, Users users, PasswordHasher passwords, DataDirectory dataDirectory, Clock clock) {
        this.admin = admin;
        this.users = users;
        this.passwords = passwords;
        this.dataDirectory = dataDirectory;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        var email = Accounts.normalize(admin.email());
        var password = configuredOrKeptPassword();
        var existing = users.byEmail(email);
        if (existing.isEmpty()) {
            var roles = EnumSet.of(Role.ADMIN, Role.STAFF, Role.USER);
            users.add(
                    new User(UUID.randomUUID(), email, "Administrator", passwords.hash(password), roles),
                    clock.instant());
            log.info("Created the administrator {}", email);
            return;
        }
        var user = existing.get();
        if (!user.roles().contains(Role.ADMIN)
                || !user.canLogIn()
                || !passwords.matches(password, user.passwordHash())) {
            var roles = EnumSet.copyOf(user.roles());
            roles.add(Role.ADMIN);
            users.update(new User(user.id(), user.email(), user.name(), passwords.hash(password), roles));
            log.info("Updated the administrator {}", email);
        }
    }

    private String configuredOrKeptPassword() {
        if (admin.password() != null && !admin.password().isBlank()) {
            return admin.password();
        }
        var file = dataDirectory.root().resolve(PASSWORD_FILE);
        boolean generatedNow = !java.nio.file.Files.exists(file);
        var password = dataDirectory.secret(PASSWORD_FILE, AdminBootstrap::generatePassword);
        if (generatedNow) {
            // Printed once, on the start that made it; afterwards it is only in the file.
            System.out.println("\n  boxoffice administrator: " + admin.email() + "\n  password: " + password
                    + "\n  (kept in " + file + ")\n");
        }
        return password;
    }

    private static String generatePassword() {
        var bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
