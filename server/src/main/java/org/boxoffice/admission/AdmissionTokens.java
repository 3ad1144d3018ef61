package org.boxoffice.admission;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.boxoffice.platform.DataDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Admission tokens: who (user), for what (event) and until when, signed with HMAC-SHA256 by the
 * server. Checking one is a hash over 40 bytes, no database and no Redis, so every instance
 * that shares the key accepts every other instance's tokens, even while Redis is away.
 *
 * <p>The key is the admission module's own: an admission token is never a bearer token, and a
 * bearer token is never an admission token.
 */
@Component
class AdmissionTokens {

    private static final int MINIMUM_KEY_LENGTH = 32;
    private static final int PAYLOAD_BYTES = 16 + 16 + 8;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    @Autowired
    AdmissionTokens(WaitingRoomSettings settings, DataDirectory dataDirectory) {
        this(
                settings.tokenSecret() != null
                        ? settings.tokenSecret()
                        : dataDirectory.secret("admission-token-key", AdmissionTokens::generate));
    }

    AdmissionTokens(String secret) {
        var bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MINIMUM_KEY_LENGTH) {
            throw new IllegalStateException("boxoffice.admission.token-secret needs at least 32 characters");
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    String issue(UUID userId, UUID eventId, Instant expiresAt) {
        var payload = ByteBuffer.allocate(PAYLOAD_BYTES)
                .putLong(userId.getMostSignificantBits())
                .putLong(userId.getLeastSignificantBits())
                .putLong(eventId.getMostSignificantBits())
                .putLong(eventId.getLeastSignificantBits())
                .putLong(expiresAt.getEpochSecond())
                .array();
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
    }

    /** Whether {@code token} was issued by us to this user for this event and is still good at {@code now}. */
    boolean admits(@Nullable String token, UUID userId, UUID eventId, Instant now) {
        var payload = verifiedPayload(token);
        if (payload == null) {
            return false;
        }
        var fields = ByteBuffer.wrap(payload);
        var user = new UUID(fields.getLong(), fields.getLong());
        var event = new UUID(fields.getLong(), fields.getLong());
        var expiresAt = Instant.ofEpochSecond(fields.getLong());
        return user.equals(userId) && event.equals(eventId) && now.isBefore(expiresAt);
    }

    private byte @Nullable [] verifiedPayload(@Nullable String token) {
        if (token == null || token.length() > 200) {
            return null;
        }
        var parts = token.split("\\.", -1);
        if (parts.length != 2) {
            return null;
        }
        try {
            var payload = DECODER.decode(parts[0]);
            var signature = DECODER.decode(parts[1]);
            boolean genuine = payload.length == PAYLOAD_BYTES && MessageDigest.isEqual(sign(payload), signature);
            return genuine ? payload : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String generate() {
        var bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }
}
