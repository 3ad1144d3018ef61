package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.boxoffice.testing.StallingServer;
import org.junit.jupiter.api.Test;

class WholeExchangeTest {

    @Test
    void aProviderThatStallsItsBodyAfterTheHeadersTimesOutWithinTheLimit() {
        try (var provider = StallingServer.start();
                var http = HttpClient.newHttpClient()) {
            var timeout = Duration.ofMillis(500);
            var request = HttpRequest.newBuilder(provider.baseUrl().resolve("/payments"))
                    .timeout(timeout)
                    .build();
            long started = System.nanoTime();

            assertThatThrownBy(() -> WholeExchange.send(http, request, timeout, "the stalling provider"))
                    .isInstanceOf(ProviderTimedOut.class);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
        }
    }

    @Test
    void aRefusedConnectionIsAFailureNotATimeout() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (var http = HttpClient.newHttpClient()) {
            var request = HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + closedPort + "/"))
                    .build();

            assertThatThrownBy(() -> WholeExchange.send(http, request, Duration.ofSeconds(2), "the closed provider"))
                    .isInstanceOf(ProviderUnavailable.class)
                    .isNotInstanceOf(ProviderTimedOut.class);
        }
    }
}
