package org.boxoffice.identity;

import java.util.concurrent.Semaphore;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * BCrypt, deliberately slow. Hashing is CPU-bound, and virtual threads would otherwise let a
 * burst of logins occupy every carrier thread, so at most one hash per spare core runs at once
 * and the rest of the server keeps answering.
 */
@Component
class PasswordHasher {

    /** Hashed once so that an unknown email costs as much as a wrong password. */
    private final String decoy;

    private final BCryptPasswordEncoder bcrypt;
    private final Semaphore cores;

    PasswordHasher(IdentitySettings settings) {
        this.bcrypt = new BCryptPasswordEncoder(settings.passwordHashCost());
        this.cores = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), true);
        this.decoy = bcrypt.encode("decoy password that nobody has");
    }

    String hash(String password) {
        return bounded(() -> bcrypt.encode(password));
    }

    boolean matches(String password, String hash) {
        return bounded(() -> bcrypt.matches(password, hash));
    }

    /** Spends the time of a real check, for logins whose email does not exist. */
    void spendTime(String password) {
        matches(password, decoy);
    }

    private <T> T bounded(java.util.function.Supplier<T> work) {
        cores.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            cores.release();
        }
    }
}
