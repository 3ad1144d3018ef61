package org.boxoffice.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.KeyPairGenerator;
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
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        var key = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + ":"
                + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
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
}
