package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.BoxofficeIT;
import org.boxoffice.testing.Buyers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A request's log lines carry its trace id: the caller's W3C {@code traceparent}, when it sends one. */
@BoxofficeIT
@ExtendWith(OutputCaptureExtension.class)
class TraceIdsIT {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Test
    void aRequestsLogLinesCarryTheCallersTraceId(CapturedOutput output) {
        var admin = new Buyers(accounts, port).admin().header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01");

        var minted = admin.post("/api/v1/admin/tokens", Map.of("emails", List.of("nobody@example.org")));

        assertThat(minted.status()).isEqualTo(200);
        assertThat(output.getAll().lines().filter(line -> line.contains("minted 0 tokens")))
                .singleElement()
                .asString()
                .contains(TRACE_ID);
    }
}
