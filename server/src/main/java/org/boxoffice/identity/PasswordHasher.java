package org.boxoffice.identity;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * BCrypt, deliberately slow. Hashing is CPU-bound, and virtual threads would otherwise let a
 * burst of logins occupy every carrier thread, so at most one hash per spare core runs at once
 * and the rest of the server keeps answering. The line behind them is bounded too ({@link
 * HashQueue}): past {@code boxoffice.identity.password-hash-queue} waiting, {@code 503 OVERLOADED}.
 */
@Component
class PasswordHasher {

    /** Hashed once so that an unknown email costs as much as a wrong password. */
    private final String decoy;

    private final BCryptPasswordEncoder bcrypt;
    private final HashQueue queue;
    private final Counter hashes;

    PasswordHasher(IdentitySettings settings, MeterRegistry meters) {
        this.bcrypt = new BCryptPasswordEncoder(settings.passwordHashCost());
        this.queue = new HashQueue(
                Math.max(1, Runtime.getRuntime().availableProcessors() - 1),
                settings.passwordHashQueue(),
                settings.passwordHashRetryAfter());
        this.hashes = Counter.builder("boxoffice.identity.password-hashes")
                .description("Passwords hashed or checked (BCrypt), decoys included")
                .register(meters);
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
        return queue.run(() -> {
            hashes.increment();
            return work.get();
        });
    }
}
