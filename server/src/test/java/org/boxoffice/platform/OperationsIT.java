package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What operators and client developers rely on: health probes, metrics and the API description. */
@BoxofficeIT
class OperationsIT {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    DataDirectory dataDirectory;

    @Test
    void livenessAndReadinessAreUp() {
        assertThat(api().get("/actuator/health/liveness").json().get("status").asString())
                .isEqualTo("UP");
        assertThat(api().get("/actuator/health/readiness").json().get("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void prometheusScrapesMetricsWithTheScrapeTokenKeptInTheDataDirectory() throws Exception {
        var scrapeToken = Files.readString(dataDirectory.root().resolve("metrics-scrape-token"))
                .strip();

        var reply = api().as(scrapeToken).get("/actuator/prometheus");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
        assertThat(api().as(scrapeToken)
                        .get("/actuator/metrics/jvm.threads.live")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anAdministratorReadsMetricsToo() {
        var admin = api().as(accounts.tokenFor("admin@boxoffice.local"));
        assertThat(admin.get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(admin.get("/actuator/metrics").status()).isEqualTo(200);
        assertThat(admin.get("/actuator/metrics/jvm.threads.live").status()).isEqualTo(200);
    }

    @Test
    void metricsAreClosedToAnonymousCallersAndOrdinaryUsers() {
        var traveler = "metrics-" + UUID.randomUUID() + "@example.org";
        accounts.addTravelers(List.of(traveler), List.of("Traveler"));
        var user = api().as(accounts.tokenFor(traveler));
        for (var path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/jvm.threads.live")) {
            var anonymous = api().get(path);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.code()).isEqualTo("UNAUTHORIZED");
            assertThat(user.get(path).status()).as(path).isEqualTo(403);
            assertThat(api().as("not-the-scrape-token-but-long-enough-0123456789")
                            .get(path)
                            .status())
                    .as(path)
                    .isEqualTo(401);
        }
        assertThat(api().get("/actuator/health").status()).isEqualTo(200);
        assertThat(api().get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    @Test
    void theScrapeTokenOpensNothingButMetrics() throws Exception {
        var scrapeToken = Files.readString(dataDirectory.root().resolve("metrics-scrape-token"))
                .strip();
        assertThat(api().as(scrapeToken).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(api().as(scrapeToken)
                        .post("/api/v1/admin/tokens", java.util.Map.of("emails", List.of("a@example.org")))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void openApiDescribesTheApi() {
        var reply = api().get("/v3/api-docs");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("paths").has("/api/v1/auth/login")).isTrue();
        assertThat(api().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    private Api api() {
        return Api.at(port);
    }
}
