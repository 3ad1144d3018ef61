package org.boxoffice.ticketing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.boxoffice.platform.DataDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs and verifies QR payloads with Ed25519. The key pair is generated once and kept in the
 * data directory, so e-tickets stay valid across restarts and every instance signs alike.
 */
@Component
class QrSigner {

    private static final String FILE = "ticket-signing-key";
    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final Base64.Decoder UNBASE64 = Base64.getDecoder();

    private final KeyPair keys;
    private final String keyId;

    /**
     * @param configuredKey {@code boxoffice.ticketing.signing-key}, for instances that must share
     *     one key (the data directory's file otherwise): {@code base64(PKCS#8 private key) ":"
     *     base64(X.509 public key)} of an Ed25519 pair, as {@code deploy/secrets} writes it
     */
    QrSigner(DataDirectory dataDirectory, @Value("${boxoffice.ticketing.signing-key:}") String configuredKey) {
        this.keys = decode(
                configuredKey.isBlank() ? dataDirectory.secret(FILE, QrSigner::generate) : configuredKey.strip());
        this.keyId = keyIdOf(keys.getPublic().getEncoded());
    }

    String sign(QrPayload payload) {
        try {
            var signature = Signature.getInstance("Ed25519");
            signature.initSign(keys.getPrivate());
            signature.update(payload.signedText().getBytes(StandardCharsets.US_ASCII));
            return payload.withSignature(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK", e);
        }
    }

    boolean verifies(QrPayload.Scanned scanned) {
        try {
            var signature = Signature.getInstance("Ed25519");
            signature.initVerify(keys.getPublic());
            signature.update(scanned.signedText().getBytes(StandardCharsets.US_ASCII));
            return signature.verify(scanned.signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    VerificationKey publicKey() {
        return new VerificationKey(
                keyId, "Ed25519", BASE64.encodeToString(keys.getPublic().getEncoded()));
    }

    private static String generate() {
        try {
            var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return BASE64.encodeToString(pair.getPrivate().getEncoded()) + ":"
                    + BASE64.encodeToString(pair.getPublic().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK", e);
        }
    }

    private static KeyPair decode(String stored) {
        var parts = stored.split(":");
        try {
            var factory = KeyFactory.getInstance("Ed25519");
            return new KeyPair(
                    factory.generatePublic(new X509EncodedKeySpec(UNBASE64.decode(parts[1]))),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(UNBASE64.decode(parts[0]))));
        } catch (GeneralSecurityException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalStateException(
                    "The ticket signing key (boxoffice.ticketing.signing-key or the data directory's) is damaged", e);
        }
    }

    private static String keyIdOf(byte[] publicKey) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(publicKey);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
