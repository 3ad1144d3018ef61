package org.boxoffice.payment;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The provider's webhook signature: {@code X-Signature: sha256=<hex HMAC-SHA256 of the raw body>}
 * under the shared secret. Compared in constant time, so the answer's timing tells an attacker
 * nothing about how much of a forged signature was right.
 */
final class WebhookSignature {

    static final String HEADER = "X-Signature";
    private static final String SCHEME = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    WebhookSignature(byte[] secret) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("The webhook secret is empty");
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    String sign(byte[] body) {
        return SCHEME + HexFormat.of().formatHex(mac(body));
    }

    boolean matches(byte[] body, @Nullable String header) {
        if (header == null || !header.startsWith(SCHEME)) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(header.substring(SCHEME.length()).strip());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(mac(body), claimed);
    }

    private byte[] mac(byte[] body) {
        try {
            var mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every JDK has " + ALGORITHM, e);
        }
    }
}
