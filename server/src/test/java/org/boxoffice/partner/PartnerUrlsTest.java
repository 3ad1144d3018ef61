package org.boxoffice.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PartnerUrlsTest {

    private final PartnerUrls urls = new PartnerUrls(URI.create("http://127.0.0.1:40123/partner"));

    @Test
    void theSimulatorHostPointsAtTheInProcessSimulatorKeepingTheVenueKey() {
        assertThat(urls.resolve(URI.create("http://partner-simulator.boxoffice.internal/arman-cinema")))
                .isEqualTo(URI.create("http://127.0.0.1:40123/partner/arman-cinema"));
        assertThat(urls.resolve(URI.create("http://Partner-Simulator.boxoffice.internal/arman-cinema/")))
                .isEqualTo(URI.create("http://127.0.0.1:40123/partner/arman-cinema"));
    }

    @Test
    void everyOtherUrlIsCalledAsItIs() {
        var real = URI.create("https://tickets.arman-cinema.kz/boxoffice-api");

        assertThat(urls.resolve(real)).isSameAs(real);
        assertThat(urls.resolve(URI.create("http://partner-simulator.boxoffice.internal.evil.example/x")))
                .isEqualTo(URI.create("http://partner-simulator.boxoffice.internal.evil.example/x"));
    }

    @Test
    void withoutASimulatorTheSimulatorHostIsCalledAsItIs() {
        var demo = URI.create("http://partner-simulator.boxoffice.internal/arman-cinema");

        assertThat(new PartnerUrls(null).resolve(demo)).isSameAs(demo);
    }
}
