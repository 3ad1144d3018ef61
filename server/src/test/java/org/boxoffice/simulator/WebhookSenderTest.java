package org.boxoffice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSenderTest {

    @Test
    void signsTheRawBodyWithHmacSha256() {
        // The published HMAC-SHA256 example (key "key"), so merchant and provider agree by construction.
        var body = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);

        var signature = WebhookSender.signature("key".getBytes(StandardCharsets.UTF_8), body);

        assertThat(signature).isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }
}
