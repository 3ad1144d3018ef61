package org.boxoffice.identity;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.boxoffice.platform.DataDirectory;

/** The HMAC key for tokens: configured, or generated once and kept in the data directory. */
final class SigningKey {

    private static final int MINIMUM_LENGTH = 32;

    private SigningKey() {}

    static SecretKey of(IdentitySettings settings, DataDirectory dataDirectory) {
        var secret = settings.jwtSecret() != null
                ? settings.jwtSecret()
                : dataDirectory.secret("jwt-signing-key", SigningKey::generate);
        var bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MINIMUM_LENGTH) {
            throw new IllegalStateException("boxoffice.identity.jwt-secret needs at least 32 characters");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    private static String generate() {
        var bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
