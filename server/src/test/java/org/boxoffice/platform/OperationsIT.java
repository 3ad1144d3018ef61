package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What operators and client developers rely on: health probes, metrics and the API description. */
@BoxofficeIT
class OperationsIT {

    @LocalServerPort
    int port;

    @Test
    void livenessAndReadinessAreUp() {
        assertThat(api().get("/actuator/health/liveness").json().get("status").asString())
                .isEqualTo("UP");
        assertThat(api().get("/actuator/health/readiness").json().get("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void prometheusScrapesMetrics() {
        var reply = api().get("/actuator/prometheus");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
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
