package org.boxoffice.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.boxoffice.platform.ProviderTimedOut;
import org.boxoffice.testing.StallingServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class HttpReservationSystemTest {

    @Test
    void aReservationWhoseAnswerStallsAfterTheHeadersEndsWithinItsTimeout() {
        try (var stalling = StallingServer.start();
                var airline = new HttpReservationSystem(
                        stalling.baseUrl(),
                        new JsonHttp(
                                "the airline",
                                Duration.ofSeconds(1),
                                JsonMapper.builder().build()))) {
            var request = new ReservationSystem.ReservationRequest(
                    "key-1", UUID.randomUUID(), List.of(UUID.randomUUID()), "key-1");
            long started = System.nanoTime();

            assertThatThrownBy(() -> airline.reserve(request, Duration.ofMillis(500)))
                    .isInstanceOf(ProviderTimedOut.class);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
        }
    }
}
