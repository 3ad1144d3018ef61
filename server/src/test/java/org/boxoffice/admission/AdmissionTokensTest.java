package org.boxoffice.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AdmissionTokensTest {

    private static final String SECRET = "a test secret that is long enough to sign with";

    private final UUID user = UUID.randomUUID();
    private final UUID event = UUID.randomUUID();
    private final Instant now = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aTokenAdmitsItsUserToItsEventUntilItLapses() {
        var tokens = tokens(SECRET);
        var token = tokens.issue(user, event, now.plus(Duration.ofMinutes(5)));

        assertThat(tokens.admits(token, user, event, now)).isTrue();
        assertThat(tokens.admits(token, user, event, now.plus(Duration.ofMinutes(5))))
                .isFalse();
        assertThat(tokens.admits(token, UUID.randomUUID(), event, now)).isFalse();
        assertThat(tokens.admits(token, user, UUID.randomUUID(), now)).isFalse();
    }

    @Test
    void aTokenSignedWithAnotherKeyOrChangedIsNoToken() {
        var token = tokens(SECRET).issue(user, event, now.plus(Duration.ofMinutes(5)));
        var tampered = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);

        assertThat(tokens("another secret that is long enough to sign with").admits(token, user, event, now))
                .isFalse();
        assertThat(tokens(SECRET).admits(tampered, user, event, now)).isFalse();
        assertThat(tokens(SECRET).admits("not-a-token", user, event, now)).isFalse();
        assertThat(tokens(SECRET).admits("%%%.%%%", user, event, now)).isFalse();
        assertThat(tokens(SECRET).admits(null, user, event, now)).isFalse();
    }

    @Test
    void aShortSecretIsRefusedAtStart() {
        assertThatThrownBy(() -> tokens("short")).isInstanceOf(IllegalStateException.class);
    }

    private static AdmissionTokens tokens(String secret) {
        return new AdmissionTokens(secret);
    }
}
