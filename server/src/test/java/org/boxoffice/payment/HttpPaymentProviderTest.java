package org.boxoffice.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.boxoffice.platform.Money;
import org.boxoffice.platform.ProviderTimedOut;
import org.boxoffice.testing.StallingServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class HttpPaymentProviderTest {

    @Test
    void aChargeWhoseAnswerStallsAfterTheHeadersEndsWithinItsTimeout() {
        try (var stalling = StallingServer.start();
                var provider = new HttpPaymentProvider(
                        stalling.baseUrl(),
                        Duration.ofSeconds(1),
                        JsonMapper.builder().build())) {
            var request = new PaymentProvider.ChargeRequest("key-1", UUID.randomUUID(), new Money(1_000, "KZT"));
            long started = System.nanoTime();

            assertThatThrownBy(() -> provider.charge(request, Duration.ofMillis(500)))
                    .isInstanceOf(ProviderTimedOut.class);
            assertThatThrownBy(() -> provider.find("key-1", Duration.ofMillis(500)))
                    .isInstanceOf(ProviderTimedOut.class);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        }
    }
}
