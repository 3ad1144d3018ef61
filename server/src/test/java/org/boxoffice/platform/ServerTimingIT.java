package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@BoxofficeIT
class ServerTimingIT {

    @LocalServerPort
    int port;

    @Test
    void answersSayWhereTheirTimeWent() {
        var reply = Api.at(port).get("/api/v1/events?size=1");
        assertThat(reply.header("Server-Timing")).matches("app;dur=\\d+\\.\\d, provider;dur=0\\.0");
        var problem = Api.at(port).get("/api/v1/events/not-a-uuid");
        assertThat(problem.header("Server-Timing")).startsWith("app;dur=");
    }
}
