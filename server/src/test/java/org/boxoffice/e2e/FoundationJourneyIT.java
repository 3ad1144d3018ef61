package org.boxoffice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A visitor's first minutes, over HTTP only: sign up, look around, open the stadium's seat map. */
@BoxofficeIT
class FoundationJourneyIT {

    @LocalServerPort
    int port;

    @Test
    void visitorRegistersBrowsesAndOpensTheSeatMap() {
        var email = "journey-" + UUID.randomUUID() + "@example.org";
        var registered =
                api().post("/api/v1/auth/register", Map.of("email", email, "password", "journey-pass", "name", "J"));
        assertThat(registered.status()).isEqualTo(201);

        var login = api().post("/api/v1/auth/login", Map.of("email", email, "password", "journey-pass"));
        assertThat(login.status()).isEqualTo(200);
        var user = api().as(login.json().get("accessToken").asString());

        var concerts = user.get("/api/v1/events?kind=CONCERT&q=celeste");
        assertThat(concerts.status()).isEqualTo(200);
        assertThat(concerts.json().get("total").asInt()).isEqualTo(1);
        var stadiumId = concerts.json().get("items").get(0).get("id").asString();

        var detail = user.get("/api/v1/events/" + stadiumId);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.json().get("participated").asBoolean()).isFalse();
        assertThat(detail.json().get("zones").size()).isEqualTo(5);

        var seatMap = user.get("/api/v1/events/" + stadiumId + "/seats?zone=LOWER_TIER");
        assertThat(seatMap.status()).isEqualTo(200);
        var rows = seatMap.json().get("zones").get(0).get("rows");
        assertThat(rows.size()).isEqualTo(40);
        assertThat(rows.get(0).get("row").asString()).isEqualTo("1");
        assertThat(rows.get(0).get("seats").asString()).hasSize(500).matches("A+");
        var etag = seatMap.header("ETag");
        assertThat(etag).isNotBlank();

        var again = user.header("If-None-Match", etag).get("/api/v1/events/" + stadiumId + "/seats?zone=LOWER_TIER");
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void malformedRequestsAreAnsweredWithProblemDocuments() {
        assertProblem(api().get("/api/v1/events/not-a-uuid"), 400);
        assertProblem(api().get("/api/v1/events/" + UUID.randomUUID()), 404);
        assertProblem(api().get("/api/v1/events?size=100000"), 400, 422);
        assertProblem(api().get("/api/v1/events?kind=SPACESHIP"), 400);
        assertProblem(api().post("/api/v1/auth/register", "{\"email\": 5"), 400);
        assertProblem(api().post("/api/v1/auth/login", "{}"), 422);
        assertProblem(api().get("/api/v1/me"), 401);
    }

    private static void assertProblem(Api.Reply reply, int... statuses) {
        assertThat(reply.status())
                .as(reply.body())
                .isIn(java.util.Arrays.stream(statuses).boxed().toList());
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.code()).isNotBlank();
    }

    private Api api() {
        return Api.at(port);
    }
}
