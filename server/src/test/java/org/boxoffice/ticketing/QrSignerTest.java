package org.boxoffice.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import org.boxoffice.platform.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QrSignerTest {

    @TempDir
    Path one;

    @TempDir
    Path other;

    @Test
    void instancesGivenTheSameKeyVerifyEachOthersTickets() throws Exception {
        var key = configured(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        var signing = new QrSigner(DataDirectory.at(one), key);
        var checking = new QrSigner(DataDirectory.at(other), key);

        var qr = signing.sign(new QrPayload(UUID.randomUUID(), UUID.randomUUID(), "CODE1234"));

        assertThat(checking.verifies(QrPayload.parse(qr).orElseThrow())).isTrue();
        assertThat(checking.publicKey()).isEqualTo(signing.publicKey());
    }

    @Test
    void withoutAKeyEachDataDirectoryHasItsOwn() {
        var signing = new QrSigner(DataDirectory.at(one), "");
        var checking = new QrSigner(DataDirectory.at(other), "");

        var qr = signing.sign(new QrPayload(UUID.randomUUID(), UUID.randomUUID(), "CODE1234"));

        assertThat(checking.verifies(QrPayload.parse(qr).orElseThrow())).isFalse();
    }

    @Test
    void signsExactlyAsTheJdkDoesSoEarlierTicketsStillVerify() throws Exception {
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        var signer = new QrSigner(DataDirectory.at(one), configured(pair));
        var payload = new QrPayload(UUID.randomUUID(), UUID.randomUUID(), "CODE1234");

        var jdk = Signature.getInstance("Ed25519");
        jdk.initSign(pair.getPrivate());
        jdk.update(payload.signedText().getBytes(StandardCharsets.US_ASCII));
        var signedByTheJdk = payload.withSignature(jdk.sign());

        assertThat(signer.sign(payload)).isEqualTo(signedByTheJdk);
        assertThat(signer.verifies(QrPayload.parse(signedByTheJdk).orElseThrow()))
                .isTrue();
    }

    @Test
    void aChangedTextOrACutSignatureDoesNotVerify() {
        var signer = new QrSigner(DataDirectory.at(one), "");
        var genuine = QrPayload.parse(signer.sign(new QrPayload(UUID.randomUUID(), UUID.randomUUID(), "CODE1234")))
                .orElseThrow();

        var otherCode =
                new QrPayload(genuine.payload().ticketId(), genuine.payload().eventId(), "CODE1235");
        var changed = new QrPayload.Scanned(otherCode, otherCode.signedText(), genuine.signature());
        var cut =
                new QrPayload.Scanned(genuine.payload(), genuine.signedText(), Arrays.copyOf(genuine.signature(), 63));

        assertThat(signer.verifies(changed)).isFalse();
        assertThat(signer.verifies(cut)).isFalse();
    }

    @Test
    void aPublicKeyOfAnotherPairIsRefusedAtStart() throws Exception {
        var generator = KeyPairGenerator.getInstance("Ed25519");
        var mine = generator.generateKeyPair();
        var theirs = generator.generateKeyPair();

        assertThatThrownBy(() -> new QrSigner(
                        DataDirectory.at(one), configured(new KeyPair(theirs.getPublic(), mine.getPrivate()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("damaged");
    }

    private static String configured(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + ":"
                + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }
}
