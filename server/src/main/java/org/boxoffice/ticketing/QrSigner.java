package org.boxoffice.ticketing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.boxoffice.platform.DataDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs and verifies QR payloads with Ed25519. The key pair is generated once and kept in the
 * data directory, so e-tickets stay valid across restarts and every instance signs alike.
 *
 * <p>The signing itself is Bouncy Castle's: the JDK's Ed25519 took about 1 ms of CPU per
 * signature here, a sixth of the server's CPU in the flight scenario, where every paid order signs
 * its e-tickets; Bouncy Castle's takes about 0.04 ms. Ed25519 signatures are deterministic, so both
 * give the very same signature for a key and a text, and tickets signed before still verify.
 */
@Component
class QrSigner {

    private static final String FILE = "ticket-signing-key";
    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final Base64.Decoder UNBASE64 = Base64.getDecoder();

    private final KeyPair keys;
    private final Ed25519PrivateKeyParameters signing;
    private final Ed25519PublicKeyParameters verifying;
    private final String keyId;

    /**
     * @param configuredKey {@code boxoffice.ticketing.signing-key}, for instances that must share
     *     one key (the data directory's file otherwise): {@code base64(PKCS#8 private key) ":"
     *     base64(X.509 public key)} of an Ed25519 pair, as {@code deploy/secrets} writes it
     */
    QrSigner(DataDirectory dataDirectory, @Value("${boxoffice.ticketing.signing-key:}") String configuredKey) {
        this.keys = decode(
                configuredKey.isBlank() ? dataDirectory.secret(FILE, QrSigner::generate) : configuredKey.strip());
        this.signing = new Ed25519PrivateKeyParameters(seedOf(keys));
        this.verifying = signing.generatePublicKey();
        if (!Arrays.equals(verifying.getEncoded(), rawPublicKeyOf(keys))) {
            throw damaged(null);
        }
        this.keyId = keyIdOf(keys.getPublic().getEncoded());
    }

    String sign(QrPayload payload) {
        var text = payload.signedText().getBytes(StandardCharsets.US_ASCII);
        var signature = new byte[Ed25519PrivateKeyParameters.SIGNATURE_SIZE];
        signing.sign(Ed25519.Algorithm.Ed25519, null, text, 0, text.length, signature, 0);
        return payload.withSignature(signature);
    }

    boolean verifies(QrPayload.Scanned scanned) {
        var text = scanned.signedText().getBytes(StandardCharsets.US_ASCII);
        var signature = scanned.signature();
        return signature.length == Ed25519PrivateKeyParameters.SIGNATURE_SIZE
                && verifying.verify(Ed25519.Algorithm.Ed25519, null, text, 0, text.length, signature, 0);
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
            throw damaged(e);
        }
    }

    /** The private key's 32 bytes (RFC 8032's seed). */
    private static byte[] seedOf(KeyPair keys) {
        if (keys.getPrivate() instanceof EdECPrivateKey key) {
            return key.getBytes().orElseThrow(() -> damaged(null));
        }
        throw damaged(null);
    }

    /** The public key's 32 bytes: the end of its X.509 encoding. */
    private static byte[] rawPublicKeyOf(KeyPair keys) {
        var encoded = keys.getPublic().getEncoded();
        int size = Ed25519PublicKeyParameters.KEY_SIZE;
        return encoded.length < size ? new byte[0] : Arrays.copyOfRange(encoded, encoded.length - size, encoded.length);
    }

    private static IllegalStateException damaged(@Nullable Exception cause) {
        return new IllegalStateException(
                "The ticket signing key (boxoffice.ticketing.signing-key or the data directory's) is damaged", cause);
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
