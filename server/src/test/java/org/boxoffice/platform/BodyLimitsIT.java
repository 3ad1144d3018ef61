package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Request bodies: 64 KB for everyone, the 8 MB of the administrator paths only once an
 * administrator's token was verified.
 */
@BoxofficeIT
class BodyLimitsIT {

    /** About 130 KB of emails: over the small limit, well under the administrator's. */
    private static final Map<String, List<String>> LARGE_TOKEN_REQUEST = Map.of(
            "emails",
            IntStream.range(0, 3_000)
                    .mapToObj(i -> "nobody-" + i + "-" + UUID.randomUUID() + "@example.org")
                    .toList());

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Test
    void anAdministratorSendsALargeBodyToAnAdministratorPath() {
        var reply = api().as(adminToken()).post("/api/v1/admin/tokens", LARGE_TOKEN_REQUEST);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("tokens").size()).isZero();
    }

    @Test
    void anAnonymousBodyOverTheSmallLimitIsTooLargeOnAnAdministratorPathToo() {
        var reply = api().post("/api/v1/admin/tokens", LARGE_TOKEN_REQUEST);

        assertThat(reply.status()).as(reply.body()).isEqualTo(413);
        assertThat(reply.code()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void anOrdinaryUsersLargeBodyIsTooLargeOnAnAdministratorPath() {
        var traveler = "limits-" + UUID.randomUUID() + "@example.org";
        accounts.addTravelers(List.of(traveler), List.of("Traveler"));

        var reply = api().as(accounts.tokenFor(traveler)).post("/api/v1/admin/tokens", LARGE_TOKEN_REQUEST);

        assertThat(reply.status()).as(reply.body()).isEqualTo(413);
        assertThat(reply.code()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void aChunkedAnonymousBodyWithoutALengthIsCutAtTheSmallLimit() throws Exception {
        var reply = chunked("/api/v1/admin/tokens", null, 200_000);

        assertThat(reply.statusCode()).isEqualTo(413);
        assertThat(reply.body()).contains("PAYLOAD_TOO_LARGE");
    }

    @Test
    void anAdministratorsLargeBodyIsTooLargeOutsideTheAdministratorPaths() {
        var reply = api().as(adminToken()).post("/api/v1/auth/login", LARGE_TOKEN_REQUEST);

        assertThat(reply.status()).as(reply.body()).isEqualTo(413);
        assertThat(reply.code()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void aSmallAnonymousBodyStillReachesSecurity() {
        var reply = api().post("/api/v1/admin/tokens", Map.of("emails", List.of("a@example.org")));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("UNAUTHORIZED");
    }

    private HttpResponse<String> chunked(String path, @Nullable String token, int bytes) throws Exception {
        var body = ("{\"emails\": [\"" + "a".repeat(bytes) + "\"]}").getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (var http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private String adminToken() {
        return accounts.tokenFor("admin@boxoffice.local");
    }

    private Api api() {
        return Api.at(port);
    }
}
