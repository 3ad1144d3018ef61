package org.boxoffice.ordering;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.boxoffice.inventory.SoldOut;
import org.junit.jupiter.api.Test;

class ShortZonesTest {

    private final UUID event = UUID.randomUUID();

    private static ShortZones remembering(Duration memory) {
        return new ShortZones(
                new HoldSettings(true, 256, 2, true, memory, java.time.Duration.ofSeconds(15)),
                new SimpleMeterRegistry());
    }

    @Test
    void aZoneSeenShortRefusesLargerRequestsOnly() {
        var zones = remembering(Duration.ofMinutes(1));

        zones.remember(event, "GOLD", 2);

        assertThatThrownBy(() -> zones.refuseIfShort(event, "GOLD", 3)).isInstanceOf(SoldOut.class);
        assertThatCode(() -> zones.refuseIfShort(event, "GOLD", 2)).doesNotThrowAnyException();
        assertThatCode(() -> zones.refuseIfShort(event, "SILVER", 3)).doesNotThrowAnyException();
        assertThatCode(() -> zones.refuseIfShort(UUID.randomUUID(), "GOLD", 3)).doesNotThrowAnyException();
    }

    @Test
    void theMemoryFadesSoReleasedTicketsAreSoldAgain() throws InterruptedException {
        var zones = remembering(Duration.ofMillis(50));
        zones.remember(event, "GOLD", 0);

        Thread.sleep(100);

        assertThatCode(() -> zones.refuseIfShort(event, "GOLD", 1)).doesNotThrowAnyException();
    }
}
