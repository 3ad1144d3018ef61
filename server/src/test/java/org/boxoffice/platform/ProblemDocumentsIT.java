package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Whatever a client sends, the answer is a problem document with a code, never a 500. */
@BoxofficeIT
class ProblemDocumentsIT {

    @LocalServerPort
    int port;

    @Test
    void unknownRouteIsNotFound() {
        var reply = api().get("/api/v1/no-such-thing");
        assertProblem(reply, 404, "NOT_FOUND");
    }

    @Test
    void wrongMethodIsNotAllowed() {
        var reply = api().send("DELETE", "/api/v1/auth/login", "application/json", "{}");
        assertProblem(reply, 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void malformedJsonIsRefused() {
        var reply = api().post("/api/v1/auth/login", "{\"email\": ");
        assertProblem(reply, 400, "VALIDATION");
    }

    @Test
    void wrongTypeIsRefused() {
        var reply = api().post("/api/v1/auth/login", "{\"email\": {\"nested\": true}, \"password\": 12}");
        assertProblem(reply, 400, "VALIDATION");
    }

    @Test
    void jsonThatIsNotAnObjectIsRefused() {
        assertProblem(api().post("/api/v1/auth/login", "[1, 2, 3]"), 400, "VALIDATION");
        assertProblem(api().post("/api/v1/auth/login", ""), 400, "VALIDATION");
    }

    @Test
    void wrongContentTypeIsRefused() {
        var reply = api().send("POST", "/api/v1/auth/login", "text/plain", "hello");
        assertProblem(reply, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void bodyOverTheLimitIsRefused() {
        var huge = "{\"email\": \"" + "a".repeat(70_000) + "\"}";
        var reply = api().post("/api/v1/auth/login", huge);
        assertProblem(reply, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void problemDocumentHasTheFieldsOfRfc9457() {
        var reply = api().get("/api/v1/no-such-thing");
        var body = reply.json();
        assertThat(body.get("type").asString()).startsWith("https://");
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("status").asInt()).isEqualTo(404);
    }

    private static void assertProblem(Api.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.code()).isEqualTo(code);
    }

    private Api api() {
        return Api.at(port);
    }
}
