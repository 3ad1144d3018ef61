package org.boxoffice.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OpenAPI description documents the catalog's endpoints and the choices API.md leaves open. */
@BoxofficeIT
class CatalogOpenApiIT {

    @LocalServerPort
    int port;

    @Test
    void theOpenApiDescriptionDocumentsTheCatalogEndpoints() {
        var reply = Api.at(port).get("/v3/api-docs");

        assertThat(reply.status()).isEqualTo(200);
        var paths = reply.json().get("paths");
        assertThat(paths.has("/api/v1/events")).isTrue();
        assertThat(paths.has("/api/v1/events/{eventId}")).isTrue();
        assertThat(paths.has("/api/v1/admin/venues")).isTrue();
        assertThat(paths.has("/api/v1/admin/events/{eventId}")).isTrue();
        var seats = paths.get("/api/v1/events/{eventId}/seats").get("get");
        assertThat(seats.get("responses").has("304")).isTrue();
        assertThat(seats.get("responses").get("422").get("description").asString())
                .contains("no such zone");
        assertThat(paths.get("/api/v1/admin/events")
                        .get("post")
                        .get("description")
                        .asString())
                .contains("unknown venueId");
    }
}
