package org.boxoffice.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    // The published HMAC-SHA256 example: key "key", this body.
    private static final byte[] BODY = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);
    private static final String EXPECTED = "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";

    private final WebhookSignature signature = new WebhookSignature("key".getBytes(StandardCharsets.UTF_8));

    @Test
    void signsTheRawBodyWithHmacSha256InHex() {
        assertThat(signature.sign(BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void acceptsTheRightSignatureInEitherCase() {
        assertThat(signature.matches(BODY, EXPECTED)).isTrue();
        assertThat(signature.matches(BODY, "sha256=" + EXPECTED.substring(7).toUpperCase(Locale.ROOT)))
                .isTrue();
    }

    @Test
    void refusesAMissingOrMalformedSignature() {
        assertThat(signature.matches(BODY, null)).isFalse();
        assertThat(signature.matches(BODY, "")).isFalse();
        assertThat(signature.matches(BODY, EXPECTED.substring(7))).isFalse();
        assertThat(signature.matches(BODY, "sha1=" + EXPECTED.substring(7))).isFalse();
        assertThat(signature.matches(BODY, "sha256=not-hex")).isFalse();
        assertThat(signature.matches(BODY, "sha256=abc")).isFalse();
        assertThat(signature.matches(BODY, EXPECTED.substring(0, EXPECTED.length() - 2)))
                .isFalse();
    }

    @Test
    void refusesASignatureOfAnotherBodyOrSecret() {
        var otherBody = "The quick brown fox jumps over the lazy cat".getBytes(StandardCharsets.UTF_8);
        var otherSecret = new WebhookSignature("other".getBytes(StandardCharsets.UTF_8));

        assertThat(signature.matches(otherBody, EXPECTED)).isFalse();
        assertThat(otherSecret.matches(BODY, EXPECTED)).isFalse();
    }

    @Test
    void anEmptySecretIsAMistake() {
        assertThatThrownBy(() -> new WebhookSignature(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
